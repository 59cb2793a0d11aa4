#include "audit/signing.h"
#include "util/input_file.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

namespace plangen::audit {
namespace {

constexpr size_t kSignatureBytes = 64;

using PkeyPtr = std::unique_ptr<EVP_PKEY, void (*)(EVP_PKEY*)>;
using MdCtxPtr = std::unique_ptr<EVP_MD_CTX, void (*)(EVP_MD_CTX*)>;

std::string OpenSslError() {
  unsigned long e = ERR_get_error();
  ERR_clear_error();  // leave no stale errors behind for the next caller
  if (e == 0) return "unknown OpenSSL error";
  char buf[256];
  ERR_error_string_n(e, buf, sizeof buf);
  return buf;
}

bool ReadKeyFile(const std::string& path, std::string* pem, std::string* err) {
  InputFileError e;
  if (ReadInputFile(path, kMaxKeyFileBytes, pem, &e)) return true;
  *err = e.too_large ? "the file is larger than " + std::to_string(kMaxKeyFileBytes) + " bytes, not a key" : e.why;
  return false;
}

// Reads a PEM key and insists on Ed25519: an RSA key would otherwise "work" with a
// different signature size and algorithm than the documented one.
PkeyPtr LoadKey(std::string_view pem, bool is_private, std::string* err) {
  PkeyPtr none(nullptr, EVP_PKEY_free);
  std::unique_ptr<BIO, int (*)(BIO*)> bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())), BIO_free);
  if (!bio) {
    *err = OpenSslError();
    return none;
  }
  // A null passphrase callback with an empty string refuses encrypted keys instead of
  // prompting on the terminal.
  static char kNoPass[] = "";
  EVP_PKEY* k = is_private ? PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, kNoPass)
                           : PEM_read_bio_PUBKEY(bio.get(), nullptr, nullptr, kNoPass);
  if (!k) {
    *err = std::string("not a PEM ") + (is_private ? "private" : "public") + " key (" + OpenSslError() + ")";
    return none;
  }
  PkeyPtr key(k, EVP_PKEY_free);
  if (EVP_PKEY_get_id(k) != EVP_PKEY_ED25519) {
    *err = "not an Ed25519 key";
    return none;
  }
  return key;
}

}  // namespace

bool SignPem(std::string_view message, std::string_view private_key_pem, std::string* signature_file,
             std::string* err) {
  PkeyPtr key = LoadKey(private_key_pem, true, err);
  if (!key) return false;
  MdCtxPtr ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free);
  unsigned char sig[kSignatureBytes];
  size_t sig_len = sizeof sig;
  // Ed25519 signs the message itself (no separate digest), hence the null md and one-shot call.
  if (!ctx || EVP_DigestSignInit(ctx.get(), nullptr, nullptr, nullptr, key.get()) != 1 ||
      EVP_DigestSign(ctx.get(), sig, &sig_len, reinterpret_cast<const unsigned char*>(message.data()),
                     message.size()) != 1 ||
      sig_len != kSignatureBytes) {
    *err = "signing failed (" + OpenSslError() + ")";
    return false;
  }
  unsigned char b64[4 * ((kSignatureBytes + 2) / 3) + 1];
  int n = EVP_EncodeBlock(b64, sig, static_cast<int>(sig_len));
  signature_file->assign(reinterpret_cast<char*>(b64), static_cast<size_t>(n));
  signature_file->push_back('\n');
  return true;
}

bool Sign(std::string_view message, const std::string& private_key_path, std::string* signature_file,
          std::string* err) {
  std::string pem;
  if (!ReadKeyFile(private_key_path, &pem, err)) return false;
  return SignPem(message, pem, signature_file, err);
}

SignatureCheck VerifySignaturePem(std::string_view message, std::string_view signature_file,
                                  std::string_view public_key_pem, std::string* err) {
  PkeyPtr key = LoadKey(public_key_pem, false, err);
  if (!key) return SignatureCheck::kKeyUnusable;
  std::string_view text = signature_file;
  if (!text.empty() && text.back() == '\n') text.remove_suffix(1);
  if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
  constexpr size_t kB64 = 4 * ((kSignatureBytes + 2) / 3);
  if (text.size() != kB64 || text.substr(kB64 - 2) != "==") {
    *err = "MANIFEST.sig is not one line of " + std::to_string(kB64) + " base64 characters";
    return SignatureCheck::kMalformed;
  }
  unsigned char raw[kB64];
  // EVP_DecodeBlock counts the two padding characters as output bytes: 66 for 64.
  int n = EVP_DecodeBlock(raw, reinterpret_cast<const unsigned char*>(text.data()), static_cast<int>(kB64));
  if (n != static_cast<int>(kSignatureBytes) + 2) {
    *err = "MANIFEST.sig is not valid base64";
    ERR_clear_error();
    return SignatureCheck::kMalformed;
  }
  MdCtxPtr ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free);
  if (!ctx || EVP_DigestVerifyInit(ctx.get(), nullptr, nullptr, nullptr, key.get()) != 1) {
    *err = OpenSslError();
    return SignatureCheck::kKeyUnusable;
  }
  int rc = EVP_DigestVerify(ctx.get(), raw, kSignatureBytes, reinterpret_cast<const unsigned char*>(message.data()),
                            message.size());
  ERR_clear_error();
  return rc == 1 ? SignatureCheck::kValid : SignatureCheck::kInvalid;
}

SignatureCheck VerifySignature(std::string_view message, std::string_view signature_file,
                               const std::string& public_key_path, std::string* err) {
  std::string pem;
  if (!ReadKeyFile(public_key_path, &pem, err)) return SignatureCheck::kKeyUnusable;
  return VerifySignaturePem(message, signature_file, pem, err);
}

}  // namespace plangen::audit
