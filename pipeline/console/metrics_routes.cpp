// GET /metrics (Prometheus text format) and GET /healthz. Metrics need a
// session or HTTP Basic credentials of a console user (what a Prometheus
// scrape job can send); only /healthz and the login page are open.
#include <sodium.h>

#include <map>
#include <memory>
#include <mutex>

#include "pipeline/console/console_context.hpp"
#include "pipeline/store/job_records.hpp"
#include "pipeline/store/user_accounts.hpp"

namespace kuvert::console {

namespace {

using namespace kuvert::store;

// A scrape every 15 seconds would otherwise cost an Argon2id check and an
// audit record each time: credentials that passed are trusted for a while,
// by the hash of the header (never the header itself).
class ScrapeCredentials {
 public:
  bool known(const std::string& header, std::int64_t now) {
    const std::lock_guard lock(mutex_);
    const auto found = passed_.find(digest(header));
    return found != passed_.end() && found->second > now;
  }
  void passed(const std::string& header, std::int64_t now) {
    const std::lock_guard lock(mutex_);
    if (passed_.size() > 100) passed_.clear();
    passed_[digest(header)] = now + 10 * 60;
  }

 private:
  static std::string digest(const std::string& text) {
    unsigned char hash[crypto_generichash_BYTES];
    crypto_generichash(hash, sizeof hash, reinterpret_cast<const unsigned char*>(text.data()), text.size(), nullptr, 0);
    return std::string(reinterpret_cast<const char*>(hash), sizeof hash);
  }
  std::mutex mutex_;
  std::map<std::string, std::int64_t> passed_;
};

bool basic_credentials_valid(ConsoleContext& context, ScrapeCredentials& scrapes, const httplib::Request& request) {
  const std::string header = request.get_header_value("Authorization");
  if (header.rfind("Basic ", 0) != 0) return false;
  if (scrapes.known(header, context.clock())) return true;
  const std::string encoded = header.substr(6);
  std::string decoded(encoded.size(), '\0');
  std::size_t length = 0;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(decoded.data()), decoded.size(), encoded.data(),
                        encoded.size(), nullptr, &length, nullptr, sodium_base64_VARIANT_ORIGINAL) != 0)
    return false;
  decoded.resize(length);
  const auto colon = decoded.find(':');
  if (colon == std::string::npos) return false;
  const LockoutPolicy policy{context.config.lockout_attempts, context.config.lockout_seconds};
  const bool valid =
      log_in(context.store(), decoded.substr(0, colon), decoded.substr(colon + 1), context.clock(), policy).outcome ==
      LoginOutcome::accepted;
  if (valid) scrapes.passed(header, context.clock());
  return valid;
}

void add_family(std::string& text, const char* name, const char* help, const char* type) {
  text += std::string("# HELP ") + name + " " + help + "\n# TYPE " + name + " " + type + "\n";
}

void add_states(std::string& text, const char* name, const char* help,
                const std::vector<std::pair<std::string, std::int64_t>>& counts) {
  add_family(text, name, help, "gauge");
  for (const auto& [state, count] : counts)
    text += std::string(name) + "{state=\"" + state + "\"} " + std::to_string(count) + "\n";
}

std::string metrics(ConsoleContext& context) {
  auto& store = context.store();
  std::string text;
  add_states(text, "kuvert_inputs", "Inputs taken from the inboxes or refused, by state.",
             count_by_state(store, Counted::inputs));
  add_states(text, "kuvert_jobs", "Jobs by state.", count_by_state(store, Counted::jobs));
  add_states(text, "kuvert_runs", "Print runs by state.", count_by_state(store, Counted::runs));
  const auto totals = production_between(store, "", "~");  // all time: ISO times sort before "~"
  add_family(text, "kuvert_pages_total",
             "Pages: produced in runs (print), in runs marked printed (printed), archived from scans (scan).",
             "counter");
  text += "kuvert_pages_total{kind=\"print\"} " + std::to_string(totals.produced_pages) + "\n";
  text += "kuvert_pages_total{kind=\"printed\"} " + std::to_string(totals.printed_pages) + "\n";
  text += "kuvert_pages_total{kind=\"scan\"} " + std::to_string(totals.scanned_pages) + "\n";
  add_family(text, "kuvert_pieces_total", "Mail pieces in runs produced.", "counter");
  text += "kuvert_pieces_total " + std::to_string(totals.pieces) + "\n";
  std::int64_t errors = 0;
  for (const auto& [state, count] : count_by_state(store, Counted::inputs))
    if (state == "failed" || state == "duplicate") errors += count;
  add_family(text, "kuvert_errors_total", "Inputs refused or failed.", "counter");
  text += "kuvert_errors_total " + std::to_string(errors) + "\n";
  return text;
}

}  // namespace

void add_metrics_routes(httplib::Server& server, ConsoleContext& context) {
  auto scrapes = std::make_shared<ScrapeCredentials>();
  server.Get("/metrics", [&context, scrapes](const httplib::Request& request, httplib::Response& response) {
    const bool allowed =
        live_session(context, request).has_value() || basic_credentials_valid(context, *scrapes, request);
    if (!allowed) {
      response.set_header("WWW-Authenticate", "Basic realm=\"kuvert\"");
      return send_error(response, 401, "not logged in");
    }
    response.set_content(metrics(context), "text/plain; version=0.0.4");
  });
  server.Get("/healthz", [&context](const httplib::Request&, httplib::Response& response) {
    context.store();  // throws (500) when the store cannot be opened
    response.set_content("ok\n", "text/plain");
  });
}

}  // namespace kuvert::console
