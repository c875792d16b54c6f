#include "chain/mapped_column.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <utility>

namespace extortrace::chain::detail {

namespace {
Error SysError(const std::string& path, const char* what) {
  return Error::Io(fmt::format("{}: {}: {}", path, what, std::strerror(errno)));
}
constexpr size_t kMinCapacity = 1 << 16;
}  // namespace

MappedFile& MappedFile::operator=(MappedFile&& o) noexcept {
  if (this != &o) {
    (void)Close();
    path_ = std::move(o.path_);
    fd_ = std::exchange(o.fd_, -1);
    data_ = std::exchange(o.data_, nullptr);
    size_ = std::exchange(o.size_, 0);
    capacity_ = std::exchange(o.capacity_, 0);
    writable_ = std::exchange(o.writable_, false);
  }
  return *this;
}

MappedFile::~MappedFile() { (void)Close(); }

Status MappedFile::Create(const std::string& path) {
  (void)Close();
  path_ = path;
  fd_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd_ < 0) return Fail(SysError(path, "cannot create"));
  writable_ = true;
  return Reserve(kMinCapacity);
}

Status MappedFile::OpenRead(const std::string& path, size_t bytes) {
  (void)Close();
  path_ = path;
  fd_ = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd_ < 0) {
    Error e = SysError(path, "cannot open");
    return Fail(errno == ENOENT ? Error::NotFound(e.context()) : e);
  }
  struct stat st;
  if (::fstat(fd_, &st) != 0) return Fail(SysError(path, "cannot stat"));
  size_ = capacity_ = static_cast<size_t>(st.st_size);
  if (bytes != kWholeFile) {
    if (bytes > size_) {
      return Fail(
          Error::Corrupt(fmt::format("{}: {} bytes, expected at least {}", path, size_, bytes)));
    }
    size_ = capacity_ = bytes;
  }
  if (size_ > 0) {
    void* p = ::mmap(nullptr, size_, PROT_READ, MAP_SHARED, fd_, 0);
    if (p == MAP_FAILED) return Fail(SysError(path, "cannot map"));
    data_ = static_cast<uint8_t*>(p);
  }
  return {};
}

Status MappedFile::OpenWrite(const std::string& path, size_t bytes) {
  (void)Close();
  path_ = path;
  fd_ = ::open(path.c_str(), O_RDWR | O_CLOEXEC);
  if (fd_ < 0) return Fail(SysError(path, "cannot open"));
  struct stat st;
  if (::fstat(fd_, &st) != 0) return Fail(SysError(path, "cannot stat"));
  writable_ = true;
  size_t size = static_cast<size_t>(st.st_size);
  if (bytes != kWholeFile) {
    if (bytes > size) {
      return Fail(
          Error::Corrupt(fmt::format("{}: {} bytes, expected at least {}", path, size, bytes)));
    }
    if (bytes < size && ::ftruncate(fd_, static_cast<off_t>(bytes)) != 0) {
      return Fail(SysError(path, "cannot truncate"));
    }
    size = bytes;
  }
  if (Status s = Reserve(std::max(size, kMinCapacity)); !s) return s;
  size_ = size;
  return {};
}

Status MappedFile::Reserve(size_t bytes) {
  if (!writable_) return Fail(Error::InvalidArgument(path_ + ": read-only column"));
  if (bytes <= capacity_) return {};
  size_t cap = capacity_ == 0 ? kMinCapacity : capacity_;
  while (cap < bytes) cap *= 2;
  if (::ftruncate(fd_, static_cast<off_t>(cap)) != 0) return Fail(SysError(path_, "cannot grow"));
  void* p = data_ == nullptr ? ::mmap(nullptr, cap, PROT_READ | PROT_WRITE, MAP_SHARED, fd_, 0)
                             : ::mremap(data_, capacity_, cap, MREMAP_MAYMOVE);
  if (p == MAP_FAILED) return Fail(SysError(path_, "cannot map"));
  data_ = static_cast<uint8_t*>(p);
  capacity_ = cap;
  return {};
}

Status MappedFile::Sync() {
  if (!writable_) return Fail(Error::InvalidArgument(path_ + ": read-only column"));
  if (data_ != nullptr && ::msync(data_, capacity_, MS_SYNC) != 0) {
    return Fail(SysError(path_, "cannot msync"));
  }
  if (::fsync(fd_) != 0) return Fail(SysError(path_, "cannot fsync"));
  return {};
}

bool MappedFile::ReadAt(uint64_t offset, void* out, size_t n) const {
  if (fd_ < 0) return false;
  ssize_t got = ::pread(fd_, out, n, static_cast<off_t>(offset));
  return got == static_cast<ssize_t>(n);
}

Status MappedFile::Close() {
  Status result;
  if (data_ != nullptr) ::munmap(data_, capacity_);
  data_ = nullptr;
  if (fd_ >= 0) {
    if (writable_ && ::ftruncate(fd_, static_cast<off_t>(size_)) != 0) {
      result = Fail(SysError(path_, "cannot trim"));
    }
    ::close(fd_);
  }
  fd_ = -1;
  capacity_ = 0;
  writable_ = false;
  return result;
}

}  // namespace extortrace::chain::detail
