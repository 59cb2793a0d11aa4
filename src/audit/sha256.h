// SHA-256 digests as the audit manifest records them: 64 lower-case hex digits.
#pragma once

#include <string>
#include <string_view>

namespace plangen::audit {

/// Lower-case hex SHA-256 of `bytes`.
std::string Sha256Hex(std::string_view bytes);

/// Lower-case hex SHA-256 of the file at `path`, read in blocks (no size limit, no whole-file copy).
/// Returns false and sets `err` (strerror text) when the file cannot be read.
bool Sha256File(const std::string& path, std::string* hex, std::string* err);

/// True for exactly 64 lower-case hex digits.
bool IsSha256Hex(std::string_view text);

/// Incremental digest, for data that arrives in pieces (zip members).
class Sha256 {
 public:
  Sha256();
  ~Sha256();
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;
  void Update(const void* data, size_t size);
  /// The digest of everything given so far; the object must not be updated afterwards.
  std::string FinalHex();

 private:
  void* ctx_;  // EVP_MD_CTX, kept out of the header so callers need no OpenSSL include
};

}  // namespace plangen::audit
