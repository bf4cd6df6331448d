#pragma once
// A look at CBOR (RFC 8949) before nlohmann-json parses it: Debian 12's
// nlohmann-json (3.11.2) reads nested arrays and maps by recursion without
// a limit, so that a file of a few hundred kilobytes of nested arrays runs
// it out of stack, and it makes a value of every item before any check.
// This walks the bytes without recursion and counts.
#include <cstddef>
#include <string>
#include <string_view>

namespace kuvert {

// Why `bytes` do not begin with one CBOR item nesting at most `depth`
// arrays, maps and tags, of at most `items` items in all, within the
// bytes; "" when they do. What lies after that item is not looked at.
std::string cbor_shape_problem(std::string_view bytes, std::size_t depth, std::size_t items);

}  // namespace kuvert
