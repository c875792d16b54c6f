// The store's schema and its versioned migrations.
//
// Migrations are append-only: migration N turns a version N-1 store into
// version N. Each is written once for both backends, with %ID% standing for
// the auto-increment primary key type. Applying them is idempotent and runs
// inside a transaction.
#pragma once

#include "core/result.h"
#include "store/db.h"

namespace extortrace::store {

inline constexpr int kSchemaVersion = 3;

// Brings the database to kSchemaVersion; fails (naming the versions) if the
// store was written by a newer extortrace.
Status Migrate(Db& db);

}  // namespace extortrace::store
