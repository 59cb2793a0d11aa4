// Detached Ed25519 signatures of the MANIFEST, with OpenSSL.
//
// The signature file MANIFEST.sig holds the 64-byte Ed25519 signature of the MANIFEST's bytes
// in standard base64 (88 characters) followed by one newline, so that it can be checked with
// stock tools:  base64 -d MANIFEST.sig > sig.bin &&
//   openssl pkeyutl -verify -pubin -inkey pub.pem -rawin -in MANIFEST -sigfile sig.bin
#pragma once

#include <string>
#include <string_view>

namespace plangen::audit {

/// Largest key file read, in bytes: a PEM Ed25519 key is about 120.
constexpr size_t kMaxKeyFileBytes = 64 * 1024;

/// Signs `message` with the Ed25519 private key in `private_key_pem` (PKCS#8 PEM, unencrypted)
/// and returns the signature file's text in `signature_file`. On failure returns false and
/// puts the reason in `err`.
bool SignPem(std::string_view message, std::string_view private_key_pem, std::string* signature_file,
             std::string* err);
/// As SignPem, reading the key from the file at `private_key_path`.
bool Sign(std::string_view message, const std::string& private_key_path, std::string* signature_file,
          std::string* err);

enum class SignatureCheck {
  kValid,       ///< the signature verifies
  kInvalid,     ///< well formed, but does not verify (message changed or another key)
  kMalformed,   ///< the signature file is not 64 bytes of base64; `err` says why
  kKeyUnusable  ///< the key cannot be read or is not an Ed25519 public key; `err` says why
};

/// Checks `signature_file` (as Sign writes it) over `message` with the Ed25519 public key in
/// `public_key_pem` (SubjectPublicKeyInfo PEM).
SignatureCheck VerifySignaturePem(std::string_view message, std::string_view signature_file,
                                  std::string_view public_key_pem, std::string* err);
/// As VerifySignaturePem, reading the key from the file at `public_key_path`.
SignatureCheck VerifySignature(std::string_view message, std::string_view signature_file,
                               const std::string& public_key_path, std::string* err);

}  // namespace plangen::audit
