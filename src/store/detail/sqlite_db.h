#pragma once

#include <memory>
#include <string>

#include "store/db.h"

namespace extortrace::store::detail {

// Opens (creating if needed) a SQLite database in WAL mode with a busy
// timeout, so that several processes may share the file.
Result<std::unique_ptr<Db>> OpenSqlite(const std::string& path);

}  // namespace extortrace::store::detail
