#pragma once

#include <QString>

#include <string_view>
#include <vector>

namespace spinepath::ui {

// The audit actions staff can filter by, in the order the filter lists them.
[[nodiscard]] const std::vector<std::string_view>& knownAuditActions();

// An audit action in plain words ("Signed in", "Wrong PIN"); an action this
// build does not know is shown as stored.
[[nodiscard]] QString auditActionLabel(std::string_view action);

// Whether an entry deserves a second look (wrong PINs, lockouts, deletions,
// emergencies): the viewer marks these.
[[nodiscard]] bool isNotableAuditAction(std::string_view action);

// A setting key in plain words ("Idle time"), for setting.changed entries;
// the key itself when unknown.
[[nodiscard]] QString settingLabel(std::string_view key);

} // namespace spinepath::ui
