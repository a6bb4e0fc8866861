#pragma once

#include <QString>

namespace spinepath {

// Makes `path` and each missing parent, every folder it creates with mode
// 0700 whatever the process umask is (mkpath would use the umask: 0777 at
// umask 000), so no folder SpinePath makes for its data (the database, the
// logs) is ever open to other users, not even for a moment. Folders that
// already exist are left as they are. Returns 0, or the errno of the step
// that failed, with `failedAt` set to that folder.
int makePrivateFolders(const QString& path, QString* failedAt = nullptr);

} // namespace spinepath
