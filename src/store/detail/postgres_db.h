#pragma once

#include <memory>
#include <string>

#include "store/db.h"

namespace extortrace::store::detail {

Result<std::unique_ptr<Db>> OpenPostgres(const std::string& url);

}  // namespace extortrace::store::detail
