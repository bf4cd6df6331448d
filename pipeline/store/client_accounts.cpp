#include "pipeline/store/client_accounts.hpp"

#include <map>

namespace kuvert::store {

namespace {

// The runs produced in the period, those cancelled within it aside: a run
// cancelled after the period ended stays in it, so that a month once billed
// keeps its figures (a cancelled run changes no more, so its updated_at is
// when it was cancelled). `reprints` picks the reprint runs or the others.
std::string runs_in_period(bool reprints) {
  return std::string(
             " WHERE r.created_at >= ?1 AND r.created_at < ?2 AND (r.state != 'cancelled' OR r.updated_at >= ?2)"
             " AND r.parent_run_id") +
         (reprints ? " IS NOT NULL" : " IS NULL");
}

// Their pieces.
std::string pieces_of_runs(bool reprints) {
  return " FROM pieces p JOIN runs r ON r.id = p.run_id JOIN jobs j ON j.id = r.job_id" + runs_in_period(reprints);
}

}  // namespace

std::vector<ClientAccount> client_accounts(Store& store, const std::string& from, const std::string& to) {
  std::map<std::string, ClientAccount> accounts;
  const auto account = [&](const std::string& client) -> ClientAccount& {
    auto& found = accounts[client];
    found.client = client;
    return found;
  };
  const auto each = [&](const std::string& sql, const auto& take) {
    Statement query(store.db(), sql);
    query.bind(1, from).bind(2, to);
    while (query.step()) take(query, account(query.text(0)));
  };
  // A piece's documents are its ids, space-separated.
  each(
      "SELECT j.client, count(*), sum(p.sheets), sum(p.inserts), sum(p.manual),"
      " sum(length(p.documents) - length(replace(p.documents, ' ', '')) + 1)" +
          pieces_of_runs(false) + " GROUP BY 1",
      [](Statement& row, ClientAccount& client) {
        client.pieces = row.integer(1);
        client.sheets = row.integer(2);
        client.inserts = row.integer(3);
        client.manual_pieces = row.integer(4);
        client.documents = row.integer(5);
      });
  each("SELECT j.client, sum(r.pages) FROM runs r JOIN jobs j ON j.id = r.job_id" + runs_in_period(false) +
           " GROUP BY 1",
       [](Statement& row, ClientAccount& client) { client.print_pages = row.integer(1); });
  each("SELECT j.client, p.product, count(*), coalesce(sum(p.postage_cents), 0), count(*) - count(p.postage_cents)" +
           pieces_of_runs(false) + " GROUP BY 1, 2 ORDER BY 1, 2",
       [](Statement& row, ClientAccount& client) {
         client.postage.push_back({row.text(1), row.integer(2), row.integer(3), row.integer(4)});
       });
  each("SELECT j.client, count(*), sum(p.sheets)" + pieces_of_runs(true) + " GROUP BY 1",
       [](Statement& row, ClientAccount& client) {
         client.reprinted_pieces = row.integer(1);
         client.reprinted_sheets = row.integer(2);
       });
  each(
      "SELECT client, sum(pages) FROM jobs WHERE kind = 'scan' AND state = 'done' AND finished_at >= ?1"
      " AND finished_at < ?2 GROUP BY 1",
      [](Statement& row, ClientAccount& client) { client.scan_pages = row.integer(1); });
  std::vector<ClientAccount> list;
  for (auto& [name, client] : accounts) list.push_back(std::move(client));
  return list;
}

}  // namespace kuvert::store
