#include "pipeline/store/database.hpp"

namespace kuvert::store {

Statement& Statement::bind(int index, std::int64_t value) {
  cursor_->bind_integer(index, value);
  return *this;
}

Statement& Statement::bind(int index, double value) {
  cursor_->bind_real(index, value);
  return *this;
}

Statement& Statement::bind(int index, const std::string& value) {
  cursor_->bind_text(index, value);
  return *this;
}

Statement& Statement::bind_or_null(int index, const std::string& value) {
  if (!value.empty()) return bind(index, value);
  cursor_->bind_null_text(index);
  return *this;
}

Statement& Statement::bind_or_null(int index, const std::optional<std::int64_t>& value) {
  if (value) return bind(index, *value);
  cursor_->bind_null_integer(index);
  return *this;
}

void Statement::run() {
  while (step()) {
  }
}

std::int64_t Statement::returned_id() {
  if (!step()) database_.fail("job store: an insert returned no id");
  const std::int64_t id = integer(0);
  run();
  return id;
}

std::optional<std::int64_t> Statement::integer_or_null(int column) const {
  if (cursor_->is_null(column)) return std::nullopt;
  return integer(column);
}

Transaction::Transaction(Database& database, Locking locking)
    : database_(database), joined_(database.in_transaction()) {
  if (!joined_) database_.begin(locking);
}

Transaction::~Transaction() {
  if (open_ && !joined_) database_.rollback();
}

void Transaction::commit() {
  if (!joined_) database_.commit();
  open_ = false;
}

}  // namespace kuvert::store
