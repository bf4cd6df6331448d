#include "tests/support/store_under_test.hpp"

namespace kuvert::test {

StoreUnderTest::StoreUnderTest(StoreKind kind, const std::filesystem::path& folder) : folder_(folder) {
  if (kind == StoreKind::postgresql) scratch_.emplace();
}

store::StoreOptions StoreUnderTest::options() const {
  store::StoreOptions options;
  options.folder = folder_;
  if (scratch_) options.url = scratch_->url();
  return options;
}

}  // namespace kuvert::test
