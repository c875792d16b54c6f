// SHA-256 and RIPEMD-160 through OpenSSL; Keccak-256 lives in keccak.cpp.
#include "crypto/hash.h"

#include <openssl/evp.h>
#include <openssl/provider.h>
#include <openssl/sha.h>

#include <memory>

#include "core/assert.h"

namespace extortrace::crypto {
namespace {

// OpenSSL 3.0 implicitly fetches an algorithm on every EVP_sha256()-style call;
// fetching once and caching the EVP_MD avoids a lock and a lookup per hash.
// RIPEMD-160 moved from the legacy to the default provider in OpenSSL 3.0.7;
// on older 3.0.x we load the legacy provider into a private library context.
const EVP_MD* Ripemd160Md() {
  static const EVP_MD* md = [] {
    EVP_MD* m = EVP_MD_fetch(nullptr, "RIPEMD160", nullptr);
    if (m == nullptr) {
      OSSL_LIB_CTX* ctx = OSSL_LIB_CTX_new();
      if (ctx != nullptr && OSSL_PROVIDER_load(ctx, "legacy") != nullptr) {
        m = EVP_MD_fetch(ctx, "RIPEMD160", nullptr);
      }
    }
    return m;
  }();
  ET_ASSERT(md != nullptr);  // libcrypto without RIPEMD-160 is a broken install
  return md;
}

const EVP_MD* Sha256Md() {
  static const EVP_MD* md = EVP_MD_fetch(nullptr, "SHA256", nullptr);
  ET_ASSERT(md != nullptr);
  return md;
}

struct CtxDeleter {
  void operator()(EVP_MD_CTX* c) const { EVP_MD_CTX_free(c); }
};

}  // namespace

Hash256 Sha256(std::span<const uint8_t> data) {
  // OpenSSL 3's one-shot SHA256() fetches the algorithm on every call (about
  // 1.9 us per 64-byte hash here); a cached EVP_MD and a per-thread context
  // cost about 0.3 us, which is what txid computation needs.
  thread_local std::unique_ptr<EVP_MD_CTX, CtxDeleter> ctx(EVP_MD_CTX_new());
  ET_ASSERT(ctx != nullptr);
  Hash256 out;
  unsigned int len = 0;
  bool ok = EVP_DigestInit_ex2(ctx.get(), Sha256Md(), nullptr) == 1 &&
            EVP_DigestUpdate(ctx.get(), data.data(), data.size()) == 1 &&
            EVP_DigestFinal_ex(ctx.get(), out.data(), &len) == 1;
  ET_ASSERT(ok && len == out.size());
  return out;
}

Hash256 Sha256d(std::span<const uint8_t> data) {
  Hash256 first = Sha256(data);
  return Sha256(first);
}

Hash160 Ripemd160(std::span<const uint8_t> data) {
  thread_local std::unique_ptr<EVP_MD_CTX, CtxDeleter> ctx(EVP_MD_CTX_new());
  ET_ASSERT(ctx != nullptr);
  Hash160 out;
  unsigned int len = 0;
  bool ok = EVP_DigestInit_ex2(ctx.get(), Ripemd160Md(), nullptr) == 1 &&
            EVP_DigestUpdate(ctx.get(), data.data(), data.size()) == 1 &&
            EVP_DigestFinal_ex(ctx.get(), out.data(), &len) == 1;
  ET_ASSERT(ok && len == out.size());
  return out;
}

Hash160 Hash160Of(std::span<const uint8_t> data) {
  Hash256 sha = Sha256(data);
  return Ripemd160(sha);
}

}  // namespace extortrace::crypto
