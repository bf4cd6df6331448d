#pragma once
// What the centre did for each member municipality (client) in a period,
// for its accounts (model/client_account.hpp), taken from the store: the
// runs produced in it, those cancelled within it aside, with their pieces as R.csv listed them (their
// postage to the cent as the tickets state it), reprints counted apart,
// and the scan batches finished in it.
#include <string>
#include <vector>

#include "pipeline/model/client_account.hpp"
#include "pipeline/store/store.hpp"

namespace kuvert::store {

// Every client with work in [from, to) (ISO times in UTC, as the store
// keeps them), by name.
std::vector<ClientAccount> client_accounts(Store& store, const std::string& from, const std::string& to);

}  // namespace kuvert::store
