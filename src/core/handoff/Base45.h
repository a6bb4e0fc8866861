#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace spinepath::handoff {

// Base45 (RFC 9285): bytes as text in the 45 characters of the QR code's
// alphanumeric mode (0-9, A-Z, space and $%*+-./:), which a QR code stores in
// 5.5 bits each, so two bytes cost three characters and about 16.5 bits: the
// EU COVID certificate uses it for the same reason. The text survives a
// barcode scanner typing it into a field.
[[nodiscard]] std::string toBase45(std::string_view bytes);
// Nothing when `text` is no Base45: a character outside the 45, a length
// that leaves one character over, or a group whose value does not fit.
[[nodiscard]] std::optional<std::string> fromBase45(std::string_view text);

} // namespace spinepath::handoff
