// The console's JSON API on an ephemeral port, in process: what it answers
// without a session, without the CSRF token, and with both.
#include <arpa/inet.h>
#include <httplib.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <set>
#include <thread>

#include "pipeline/console/console_server.hpp"
#include "pipeline/model/error.hpp"
#include "pipeline/model/run_number.hpp"
#include "pipeline/model/scan_summary.hpp"
#include "pipeline/store/audit_trail.hpp"
#include "pipeline/store/job_records.hpp"
#include "pipeline/store/piece_records.hpp"
#include "pipeline/store/user_accounts.hpp"
#include "tests/support/csv.hpp"
#include "tests/support/file_text.hpp"
#include "tests/support/page_image.hpp"
#include "tests/support/processed_job.hpp"
#include "tests/support/temp_folder.hpp"

using namespace kuvert::store;
namespace fs = std::filesystem;

namespace {

constexpr std::int64_t kStart = 1795000000;

// A store with users and one processed job (two runs, one sensitive), and
// the console serving it on a free port with a clock the test turns.
class Console {
 public:
  explicit Console(int request_seconds = 2) {
    config_ = kuvert::test::test_service_config(temp_.path());
    config_.listen_port = 0;
    config_.session_seconds = 600;
    config_.lockout_attempts = 3;
    config_.connections_per_client = 8;
    config_.request_seconds = request_seconds;
    Store store({config_.store});
    add_user(store, "vera", Role::viewer, "vera's long password", kStart, "test");
    add_user(store, "anna", Role::operator_, "anna's long password", kStart, "test");
    add_user(store, "bernd", Role::supervisor, "bernd's long password", kStart, "test");
    add_user(store, "clara", Role::supervisor, "clara's long password", kStart, "test");
    kuvert::test::processed_job(store, config_, temp_.path(), "normal", 3, false, kStart);
    // The salary statements are due on a given day.
    kuvert::test::processed_job(store, config_, temp_.path(), "sensibel", 3, true, kStart, [](const fs::path& folder) {
      auto manifest = nlohmann::json::parse(kuvert::test::read_file(folder / "job.json"));
      manifest["due"] = "2026-12-10";
      kuvert::test::write_file(folder / "job.json", manifest.dump());
    });
    server_ = std::make_unique<kuvert::console::ConsoleServer>(
        config_, [this] { return now_.load(); }, [this] { ++changes_; });
    port_ = server_->bind();
    thread_ = std::thread([this] { server_->listen(); });
  }
  ~Console() {
    server_->stop();
    thread_.join();
  }

  httplib::Client client() const {
    httplib::Client client("127.0.0.1", port_);
    client.set_tcp_nodelay(true);
    return client;
  }
  int port() const { return port_; }
  void advance(std::int64_t seconds) { now_ += seconds; }
  int changes() const { return changes_; }
  const fs::path& store_folder() const { return config_.store; }
  std::int64_t run(bool sensitive) {
    Store store({config_.store});
    for (const auto& run : list_runs(store))
      if (run.sensitive == sensitive) return run.id;
    return 0;
  }
  // Its number as the audit trail names it ("J2-R0001").
  std::string number(bool sensitive) {
    Store store({config_.store});
    const auto found = find_run(store, run(sensitive));
    return kuvert::run_number(found->job, found->name);
  }
  // The print file of the run `run(sensitive)` names.
  fs::path print_file(bool sensitive) {
    Store store({config_.store});
    return find_run(store, run(sensitive))->file;
  }

 private:
  kuvert::test::TempFolder temp_;
  kuvert::ServiceConfig config_;
  std::atomic<std::int64_t> now_{kStart};
  std::atomic<int> changes_{0};
  std::unique_ptr<kuvert::console::ConsoleServer> server_;
  int port_ = 0;
  std::thread thread_;
};

// A logged-in browser: the session cookie and the CSRF token.
struct Browser {
  std::string cookie;
  std::string csrf;
};

Browser log_in(httplib::Client& client, const std::string& user) {
  const nlohmann::json body{{"user", user}, {"password", user + "'s long password"}};
  const auto response = client.Post("/api/login", body.dump(), "application/json");
  REQUIRE(response);
  REQUIRE(response->status == 200);
  const std::string cookie = response->get_header_value("Set-Cookie");
  return {cookie.substr(0, cookie.find(';')), nlohmann::json::parse(response->body)["csrf"]};
}

httplib::Result post(httplib::Client& client, const std::string& path, const Browser* login, bool with_csrf = true,
                     const std::string& body = "") {
  httplib::Headers headers;
  if (login) headers.emplace("Cookie", login->cookie);
  if (login && with_csrf) headers.emplace("X-CSRF-Token", login->csrf);
  return client.Post(path.c_str(), headers, body, "application/json");
}

httplib::Result get(httplib::Client& client, const std::string& path, const Browser* login) {
  httplib::Headers headers;
  if (login) headers.emplace("Cookie", login->cookie);
  return client.Get(path.c_str(), headers);
}

std::string error_of(const httplib::Result& response) {
  return nlohmann::json::parse(response->body).value("error", "");
}

}  // namespace

TEST_CASE("Console API: nothing but the login page and /healthz without a session", "[service][slow]") {
  Console console;
  auto client = console.client();
  const auto run = std::to_string(console.run(false));
  for (const std::string& path : std::vector<std::string>{
           "/api/session", "/api/overview", "/api/jobs", "/api/jobs/1", "/api/runs", "/api/runs/" + run,
           "/api/runs/" + run + "/manifest", "/api/runs/" + run + "/pages/0.png", "/api/audit", "/metrics",
           "/api/reports/clients?month=2026-11"}) {
    const auto response = get(client, path, nullptr);
    REQUIRE(response);
    INFO(path);
    CHECK(response->status == 401);
  }
  for (const std::string action : {"release", "confirm", "hold", "cancel", "printed", "inserted", "close"}) {
    const auto response = post(client, "/api/runs/" + run + "/" + action, nullptr);
    REQUIRE(response);
    CHECK(response->status == 401);
  }
  CHECK(post(client, "/api/logout", nullptr)->status == 401);
  CHECK(get(client, "/healthz", nullptr)->status == 200);
  const auto page = get(client, "/", nullptr);
  CHECK(page->status == 200);
  CHECK(page->body.find("<form id=\"login\"") != std::string::npos);
  CHECK(page->get_header_value("Content-Security-Policy").find("default-src 'self'") == 0);
  CHECK(get(client, "/console.js", nullptr)->status == 200);
  CHECK(console.changes() == 0);
}

TEST_CASE("Console API: every change needs the session's CSRF token", "[service][slow]") {
  Console console;
  auto client = console.client();
  const Browser anna = log_in(client, "anna");
  const auto run = std::to_string(console.run(false));
  Browser forged = anna;
  forged.csrf = std::string(anna.csrf.size(), '0');
  for (const std::string action : {"release", "confirm", "hold", "cancel", "printed", "inserted", "close"}) {
    const auto without = post(client, "/api/runs/" + run + "/" + action, &anna, false);
    CHECK(without->status == 403);
    CHECK(error_of(without) == "missing or wrong CSRF token");
    CHECK(post(client, "/api/runs/" + run + "/" + action, &forged)->status == 403);
  }
  CHECK(post(client, "/api/logout", &anna, false)->status == 403);
  CHECK(console.changes() == 0);
  CHECK(nlohmann::json::parse(get(client, "/api/runs/" + run, &anna)->body)["state"] == "awaiting_release");
}

TEST_CASE("Console API: login, session cookie, timeout, lockout, logout", "[service][slow]") {
  Console console;
  auto client = console.client();
  const nlohmann::json wrong{{"user", "anna"}, {"password", "not her password"}};
  const auto refused = client.Post("/api/login", wrong.dump(), "application/json");
  CHECK(refused->status == 401);
  CHECK(error_of(refused) ==
        "wrong user name or password, or the account is locked for a while after repeated failed logins");
  CHECK(nlohmann::json::parse(refused->body)["code"] == "login_refused");  // the console's words for it
  CHECK(refused->get_header_value("Set-Cookie").empty());
  CHECK(client.Post("/api/login", "not json", "application/json")->status == 400);

  const nlohmann::json good{{"user", "anna"}, {"password", "anna's long password"}};
  const auto accepted = client.Post("/api/login", good.dump(), "application/json");
  REQUIRE(accepted->status == 200);
  const std::string cookie = accepted->get_header_value("Set-Cookie");
  CHECK(cookie.find("HttpOnly") != std::string::npos);
  CHECK(cookie.find("SameSite=Strict") != std::string::npos);
  const auto body = nlohmann::json::parse(accepted->body);
  CHECK(body["user"] == "anna");
  CHECK(body["role"] == "operator");
  CHECK(body["csrf"].get<std::string>().size() == 64);
  CHECK(body["language"] == "de");  // German unless the user chose otherwise
  CHECK(body["time_zone"] == "Europe/Berlin");

  const Browser anna = log_in(client, "anna");
  CHECK(get(client, "/api/session", &anna)->status == 200);
  console.advance(599);  // within the idle time: the session goes on...
  CHECK(get(client, "/api/runs", &anna)->status == 200);
  console.advance(599);  // ...which restarted with that request
  CHECK(get(client, "/api/runs", &anna)->status == 200);
  console.advance(601);
  CHECK(get(client, "/api/runs", &anna)->status == 401);

  const Browser vera = log_in(client, "vera");
  CHECK(post(client, "/api/logout", &vera)->status == 200);
  CHECK(get(client, "/api/runs", &vera)->status == 401);

  // A new password (kuvert users passwd) ends the sessions opened before it.
  const Browser clara_before = log_in(client, "clara");
  CHECK(get(client, "/api/runs", &clara_before)->status == 200);
  {
    Store store({console.store_folder()});
    set_password(store, "clara", "clara's long password", kStart, "admin");
  }
  CHECK(get(client, "/api/runs", &clara_before)->status == 401);
  // So do another role and the removal of the user.
  const Browser vera_again = log_in(client, "vera"), anna_again = log_in(client, "anna");
  {
    Store store({console.store_folder()});
    set_role(store, "vera", Role::operator_, kStart, "admin");
    remove_user(store, "anna", kStart, "admin");
  }
  CHECK(get(client, "/api/runs", &vera_again)->status == 401);
  CHECK(get(client, "/api/runs", &anna_again)->status == 401);

  // Three failed logins lock the account, even for the right password.
  const nlohmann::json bernd_wrong{{"user", "bernd"}, {"password", "guess"}};
  for (int i = 0; i < 3; ++i) client.Post("/api/login", bernd_wrong.dump(), "application/json");
  const nlohmann::json bernd{{"user", "bernd"}, {"password", "bernd's long password"}};
  const auto locked = client.Post("/api/login", bernd.dump(), "application/json");
  CHECK(locked->status == 401);
  // The same answer as for a name nobody has: accounts cannot be told apart.
  const nlohmann::json nobody{{"user", "nobody"}, {"password", "bernd's long password"}};
  const auto unknown = client.Post("/api/login", nobody.dump(), "application/json");
  CHECK(unknown->status == 401);
  CHECK(unknown->body == locked->body);
  CHECK(refused->body == locked->body);

  const Browser clara = log_in(client, "clara");
  const auto audit = nlohmann::json::parse(get(client, "/api/audit?user=bernd&action=login%20failed", &clara)->body);
  REQUIRE(audit.size() == 4);
  CHECK(audit[0]["detail"] == "account locked");
}

TEST_CASE("Console API: runs, four eyes, jobs, overview, pages and metrics", "[service][slow]") {
  Console console;
  auto client = console.client();
  const Browser vera = log_in(client, "vera"), anna = log_in(client, "anna"), bernd = log_in(client, "bernd"),
                clara = log_in(client, "clara");
  const auto ordinary = std::to_string(console.run(false)), sensitive = std::to_string(console.run(true));

  const auto runs = nlohmann::json::parse(get(client, "/api/runs", &vera)->body);
  CHECK(runs.size() == 2);
  // When each is due, as its job.json says (job.json -> ticket -> store).
  for (const auto& run : runs) CHECK(run["due"] == (run["sensitive"] == true ? "2026-12-10" : ""));
  const auto detail = nlohmann::json::parse(get(client, "/api/runs/" + ordinary, &vera)->body);
  CHECK(detail["state"] == "awaiting_release");
  // Named as people say it: run R0001 of its job.
  CHECK(detail["number"] == "J" + std::to_string(detail["job"].get<std::int64_t>()) + "-R0001");
  CHECK(detail["number"] == console.number(false));
  CHECK(detail["ticket"]["counts"]["documents"] == 3);
  CHECK(detail["thumbnails"].get<int>() >= 1);
  CHECK(get(client, "/api/runs/" + ordinary + "/manifest", &vera)->body.rfind("piece_id,sequence,documents", 0) == 0);
  const auto png = get(client, "/api/runs/" + ordinary + "/pages/0.png", &vera);
  CHECK(png->status == 200);
  CHECK(png->body.substr(1, 3) == "PNG");
  CHECK(get(client, "/api/runs/999", &vera)->status == 404);
  CHECK(get(client, "/api/runs?state=lost", &vera)->status == 400);

  const auto by_viewer = post(client, "/api/runs/" + ordinary + "/release", &vera);
  CHECK(by_viewer->status == 409);
  CHECK(error_of(by_viewer) == "\"release\" needs the operator role; vera is viewer");
  // ... and what the console says of it in the user's language.
  const auto refusal = nlohmann::json::parse(by_viewer->body);
  CHECK(refusal["code"] == "role_needed");
  CHECK(refusal["values"] ==
        nlohmann::json{{"action", "release"}, {"role", "operator"}, {"user", "vera"}, {"user_role", "viewer"}});
  const auto released = post(client, "/api/runs/" + ordinary + "/release", &anna);
  REQUIRE(released->status == 200);
  CHECK(nlohmann::json::parse(released->body)["state"] == "released");
  CHECK(console.changes() == 1);  // the service is told to deliver now

  CHECK(post(client, "/api/runs/" + sensitive + "/release", &bernd)->status == 200);
  const auto own = post(client, "/api/runs/" + sensitive + "/confirm", &bernd);
  CHECK(own->status == 409);
  CHECK(error_of(own) == "four eyes: bernd released this run, a different supervisor must confirm it");
  CHECK(nlohmann::json::parse(own->body)["code"] == "four_eyes");
  CHECK(nlohmann::json::parse(get(client, "/api/runs/" + sensitive, &vera)->body)["awaits_confirmation"] == true);
  // Offered what the server would allow: not bernd's own release to
  // confirm, nor to an operator; to clara, a second supervisor, yes.
  const auto offered = [&](const Browser& who) {
    return nlohmann::json::parse(get(client, "/api/runs/" + sensitive, &who)->body)["actions"];
  };
  CHECK(offered(bernd) == nlohmann::json::array({"hold", "cancel"}));
  CHECK(offered(anna) == nlohmann::json::array({"hold", "cancel"}));
  CHECK(offered(clara) == nlohmann::json::array({"confirm", "hold", "cancel"}));
  const auto confirmed = post(client, "/api/runs/" + sensitive + "/confirm", &clara);
  REQUIRE(confirmed->status == 200);
  CHECK(nlohmann::json::parse(confirmed->body)["confirmed_by"] == "clara");
  CHECK(post(client, "/api/runs/" + sensitive + "/deliver", &clara)->status == 404);

  const auto jobs = nlohmann::json::parse(get(client, "/api/jobs", &vera)->body);
  REQUIRE(jobs.size() == 2);
  const auto job =
      nlohmann::json::parse(get(client, "/api/jobs/" + std::to_string(jobs[0]["id"].get<int>()), &vera)->body);
  CHECK(job["runs"].size() == 1);
  CHECK(job["source"]["name"] == "sensibel");

  const auto overview = nlohmann::json::parse(get(client, "/api/overview", &vera)->body);
  CHECK(overview["runs"]["released"] == 1);
  CHECK(overview["runs"]["confirmed"] == 1);
  CHECK(overview["inboxes"][0]["name"] == "steuer");
  CHECK(overview["today"]["produced_pieces"] == 6);
  CHECK(overview["today"]["produced_pages"] > 0);
  CHECK(overview["today"]["printed_pages"] == 0);  // released, none printed yet

  {
    // A Latin-1 file name from a Windows share: shown, not a failure.
    Store store({console.store_folder()});
    record_refusal(store, "steuer", "B\xfcrger.pdf", "", "error/B\xfcrger.pdf", InputState::failed, "not a job",
                   kStart);
  }
  // (An operator's view: a viewer reads no detail of a refused input.)
  const auto all = get(client, "/api/audit", &anna);
  CHECK(all->status == 200);
  CHECK(all->body.find("B\xef\xbf\xbdrger.pdf") != std::string::npos);
  CHECK(get(client, "/api/audit", &vera)->body.find("B\xef\xbf\xbdrger.pdf") == std::string::npos);

  const auto audit = nlohmann::json::parse(get(client, "/api/audit?object=run%20" + console.number(true), &vera)->body);
  REQUIRE(audit.size() == 3);
  CHECK(audit[0]["action"] == "confirm");
  CHECK(audit[1]["action"] == "confirm refused");

  const auto metrics = get(client, "/metrics", &vera);
  CHECK(metrics->body.find("kuvert_runs{state=\"confirmed\"} 1") != std::string::npos);
  CHECK(metrics->body.find("kuvert_pieces_total 6") != std::string::npos);
  httplib::Client scraper = console.client();
  scraper.set_basic_auth("vera", "vera's long password");
  CHECK(scraper.Get("/metrics")->status == 200);
  scraper.set_basic_auth("vera", "wrong");
  CHECK(scraper.Get("/metrics")->status == 401);
}

TEST_CASE("Console API: each user's console speaks German or English, kept with the account", "[service][slow]") {
  Console console;
  auto client = console.client();
  const Browser anna = log_in(client, "anna");
  CHECK(post(client, "/api/session/language", &anna, false, R"({"language": "en"})")->status == 403);  // no CSRF token
  for (const std::string wrong : {R"({"language": "fr"})", R"({"language": 1})", "[]", "not json", ""}) {
    const auto refused = post(client, "/api/session/language", &anna, true, wrong);
    CHECK(refused->status == 400);
    CHECK(error_of(refused) == "language: expected \"de\" or \"en\"");
  }
  const auto chosen = post(client, "/api/session/language", &anna, true, R"({"language": "en"})");
  REQUIRE(chosen->status == 200);
  CHECK(nlohmann::json::parse(chosen->body)["language"] == "en");
  // Kept for her next login, and nobody else's.
  const Browser again = log_in(client, "anna"), bernd = log_in(client, "bernd");
  CHECK(nlohmann::json::parse(get(client, "/api/session", &again)->body)["language"] == "en");
  CHECK(nlohmann::json::parse(get(client, "/api/session", &bernd)->body)["language"] == "de");
  const auto audit = nlohmann::json::parse(get(client, "/api/audit?action=language%20set", &bernd)->body);
  REQUIRE(audit.size() == 1);
  CHECK(audit[0]["object"] == "user anna");
  CHECK(audit[0]["detail"] == "language en");
}

TEST_CASE("Console API: a login must be JSON from the console's own origin", "[service][slow]") {
  Console console;
  auto client = console.client();
  const std::string body = nlohmann::json{{"user", "anna"}, {"password", "anna's long password"}}.dump();
  // A cross-site form posts text/plain or form data without a preflight.
  const auto plain = client.Post("/api/login", body, "text/plain");
  CHECK(plain->status == 415);
  CHECK(error_of(plain) == "expected a JSON body (Content-Type: application/json)");
  CHECK(client.Post("/api/login", body, "application/x-www-form-urlencoded")->status == 415);
  CHECK(client.Post("/api/login", body, "application/json; charset=utf-8")->status == 200);

  httplib::Headers foreign{{"Origin", "http://attacker.invalid"}};
  const auto cross = client.Post("/api/login", foreign, body, "application/json");
  CHECK(cross->status == 403);
  CHECK(error_of(cross) == "requests from other sites are refused");
  CHECK(cross->get_header_value("Set-Cookie").empty());
  httplib::Headers fetch{{"Sec-Fetch-Site", "cross-site"}};
  CHECK(client.Post("/api/login", fetch, body, "application/json")->status == 403);
  httplib::Headers own{{"Origin", "http://127.0.0.1:" + std::to_string(console.port())}};
  CHECK(client.Post("/api/login", own, body, "application/json")->status == 200);
}

namespace {

// A TCP connection to the console from `client` (an address of the
// loopback network, so that one machine is several clients) that sends
// `bytes` and then says nothing.
int half_sent_request(int port, const std::string& bytes, const char* client = "127.0.0.2") {
  const int socket = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in from{};
  from.sin_family = AF_INET;
  REQUIRE(::inet_pton(AF_INET, client, &from.sin_addr) == 1);
  REQUIRE(::bind(socket, reinterpret_cast<sockaddr*>(&from), sizeof from) == 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<std::uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  REQUIRE(::connect(socket, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
  REQUIRE(::send(socket, bytes.data(), bytes.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(bytes.size()));
  return socket;
}

// What the console sent on `socket` until it closed it, or until `wait`
// passed; `closed` says which.
std::string answer_of(int socket, std::chrono::milliseconds wait, bool& closed) {
  std::string answer;
  closed = false;
  const auto until = std::chrono::steady_clock::now() + wait;
  while (!closed && std::chrono::steady_clock::now() < until) {
    pollfd entry{socket, POLLIN, 0};
    if (::poll(&entry, 1, 50) <= 0) continue;
    char bytes[512];
    const ssize_t got = ::recv(socket, bytes, sizeof bytes, 0);
    if (got <= 0)
      closed = true;
    else
      answer.append(bytes, static_cast<std::size_t>(got));
  }
  return answer;
}

httplib::Client health_client(int port) {
  httplib::Client client("127.0.0.1", port);
  client.set_connection_timeout(2);
  client.set_read_timeout(2);
  client.set_keep_alive(true);
  return client;
}

}  // namespace

TEST_CASE("Console API: forty half-sent requests of five clients do not stop /healthz", "[service][slow]") {
  Console console;
  std::vector<int> slow;
  for (int i = 0; i < 40; ++i) {
    const std::string client = "127.0.0." + std::to_string(2 + i % 5);
    slow.push_back(
        half_sent_request(console.port(), i % 2 ? "GET /healthz HTTP/1.1\r\nHost: 127" : "", client.c_str()));
  }
  auto client = health_client(console.port());
  const auto started = std::chrono::steady_clock::now();
  for (int i = 0; i < 5; ++i) {
    const auto health = client.Get("/healthz");
    REQUIRE(health);
    CHECK(health->status == 200);
  }
  CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(2));
  for (const int socket : slow) ::close(socket);
}

TEST_CASE("Console API: a client past its connections is refused at once, and others are served", "[service][slow]") {
  Console console(30);  // the eight half-sent requests are held while the test runs
  std::vector<int> held;
  for (int i = 0; i < 8; ++i) held.push_back(half_sent_request(console.port(), "GET /healthz HTTP/1.1\r\n"));

  // A ninth is refused once the eight are counted; on a loaded machine that
  // may take a moment, so a ninth that was still let in is closed (freeing
  // its place) and another tried.
  bool closed = false;
  std::string refused;
  for (int attempt = 0; attempt < 10 && refused.empty(); ++attempt) {
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    const int ninth = half_sent_request(console.port(), "");
    refused = answer_of(ninth, std::chrono::milliseconds(1500), closed);
    ::close(ninth);
  }
  CHECK(closed);
  CHECK(refused.rfind("HTTP/1.1 503 Service Unavailable\r\n", 0) == 0);
  CHECK(refused.find("Retry-After: 5") != std::string::npos);
  CHECK(refused.find("too many connections from this client") != std::string::npos);

  auto client = health_client(console.port());
  const auto health = client.Get("/healthz");
  REQUIRE(health);
  CHECK(health->status == 200);

  // Once the client closes one, it has a place again.
  ::close(held.back());
  held.pop_back();
  std::string answer;
  for (int attempt = 0; attempt < 20 && answer.find("200 OK") == std::string::npos; ++attempt) {
    const int again =
        half_sent_request(console.port(), "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    answer = answer_of(again, std::chrono::milliseconds(1000), closed);
    ::close(again);
  }
  CHECK(answer.rfind("HTTP/1.1 200 OK\r\n", 0) == 0);
  for (const int socket : held) ::close(socket);
}

TEST_CASE("Console API: a request trickled a byte at a time is cut off at its deadline", "[service][slow]") {
  Console console;  // requests must arrive within 2 s
  const int slow = half_sent_request(console.port(), "GET /healthz HTTP/1.1\r\n");
  const auto started = std::chrono::steady_clock::now();
  bool closed = false;
  std::string answer;
  // A byte every 300 ms: far inside the 5 s a single wait may take.
  for (int i = 0; i < 30 && !closed; ++i) {
    ::send(slow, "X", 1, MSG_NOSIGNAL);
    answer += answer_of(slow, std::chrono::milliseconds(300), closed);
  }
  const auto took = std::chrono::steady_clock::now() - started;
  CHECK(closed);
  CHECK(took >= std::chrono::milliseconds(1500));
  CHECK(took < std::chrono::milliseconds(4500));
  CHECK(answer.rfind("HTTP/1.1 400 Bad Request\r\n", 0) == 0);
  ::close(slow);

  // A keep-alive client that sends its requests at once is not cut off.
  auto client = health_client(console.port());
  for (int i = 0; i < 3; ++i) {
    const auto health = client.Get("/healthz");
    REQUIRE(health);
    CHECK(health->status == 200);
    std::this_thread::sleep_for(std::chrono::milliseconds(1000));
  }
}

TEST_CASE("Console API: a second console cannot listen on a port in use", "[service][slow]") {
  Console console;
  kuvert::ServiceConfig config;
  config.file = "kuvert.toml";
  config.listen_port = console.port();
  kuvert::console::ConsoleServer second(
      config, [] { return std::int64_t{0}; }, [] {});
  try {
    second.bind();
    FAIL("the second console listens on the same port");
  } catch (const kuvert::Error& error) {
    CHECK(error.kind() == kuvert::ErrorKind::system);
    CHECK(std::string(error.what())
              .find("cannot listen on 127.0.0.1:" + std::to_string(console.port()) +
                    " (in use, or not an address of this machine)") != std::string::npos);
  }
}

TEST_CASE("Console API: a login body is two strings and nothing else", "[service][slow]") {
  Console console;
  auto client = console.client();
  for (const char* body :
       {R"({"user": "anna", "user": "vera", "password": "vera's long password"})",
        R"({"user": "vera", "password": "vera's long password", "role": "admin"})",
        R"({"user": ["vera"], "password": "vera's long password"})", "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["}) {
    INFO(body);
    const auto refused = client.Post("/api/login", body, "application/json");
    CHECK(refused->status == 400);
    CHECK(error_of(refused) == "expected {\"user\": ..., \"password\": ...}");
  }
}

TEST_CASE("Console API: a viewer sees a sensitive run's counts, operators its content, every look audited",
          "[service][slow]") {
  Console console;
  auto client = console.client();
  const Browser vera = log_in(client, "vera"), anna = log_in(client, "anna");
  const auto sensitive = std::to_string(console.run(true));

  const auto counts = nlohmann::json::parse(get(client, "/api/runs/" + sensitive, &vera)->body);
  CHECK(counts["ticket"]["counts"]["documents"] == 3);
  // How it is printed and inserted, for the runs list's columns, as its ticket says.
  for (const char* key : {"paper", "sides", "envelope", "inserter"}) {
    INFO(key);
    CHECK(counts[key] == counts["ticket"]["production"][key]);
    CHECK_FALSE(counts[key].get<std::string>().empty());
  }
  CHECK(counts["thumbnails"] == 0);
  CHECK(counts["content_visible"] == false);
  CHECK(counts["actions"].empty());  // a viewer may only look
  for (const std::string path : {"/manifest", "/pages/0.png"}) {
    const auto refused = get(client, "/api/runs/" + sensitive + path, &vera);
    CHECK(refused->status == 403);
    CHECK(error_of(refused) == "the content of a sensitive run is for operators and above");
  }

  const auto detail = nlohmann::json::parse(get(client, "/api/runs/" + sensitive, &anna)->body);
  CHECK(detail["content_visible"] == true);
  CHECK(detail["actions"] == nlohmann::json::array({"release", "hold", "cancel"}));
  CHECK(detail["thumbnails"].get<int>() >= 1);
  CHECK(get(client, "/api/runs/" + sensitive + "/manifest", &anna)->status == 200);
  const auto page = get(client, "/api/runs/" + sensitive + "/pages/0.png", &anna);
  CHECK(page->status == 200);
  CHECK(page->get_header_value("Cache-Control") == "no-store");

  const auto trail = nlohmann::json::parse(
      get(client, "/api/audit?action=view%20content&object=run%20" + console.number(true), &anna)->body);
  REQUIRE(trail.size() == 2);
  CHECK(trail[0]["user"] == "anna");
  CHECK(trail[0]["detail"] == "page 1");
  CHECK(trail[1]["detail"] == "manifest");
}

TEST_CASE("Console API: a run's reconciliation, and runs in attention first on the overview", "[service][slow]") {
  Console console;
  auto client = console.client();
  const Browser vera = log_in(client, "vera"), anna = log_in(client, "anna"), bernd = log_in(client, "bernd");
  const auto id = console.run(true);
  const std::string sensitive = std::to_string(id);
  {
    // Delivered, one piece damaged, one seen twice, the rest ok: attention.
    // The one seen twice listed first, for the supervisor who clears it.
    Store store({console.store_folder()});
    const Actor operator_{"anna", Role::operator_}, supervisor{"bernd", Role::supervisor};
    act_on_run(store, id, RunAction::release, operator_, kStart);
    act_on_run(store, id, RunAction::confirm, supervisor, kStart);
    act_on_run(store, id, RunAction::deliver, {"", Role::viewer, true}, kStart);
    const auto pieces = pieces_of_run(store, id);
    REQUIRE(pieces.size() == 3);
    Transaction transaction(store.db());
    InsertStatusUpdate update(store, id);
    update.set(pieces[0].id, kuvert::InsertStatus::damaged, "2026-12-02T08:30:00Z", "2", "torn");
    update.set(pieces[1].id, kuvert::InsertStatus::duplicate, "2026-12-02T08:30:04Z", "2", "");
    update.set(pieces[2].id, kuvert::InsertStatus::ok, "2026-12-02T08:30:08Z", "2", "");
    transaction.commit();
    act_on_run(store, id, RunAction::reconcile, operator_, kStart, {.max_reprint_percent = 50});
  }
  const auto overview = nlohmann::json::parse(get(client, "/api/overview", &vera)->body);
  REQUIRE(overview["attention"].size() == 1);
  CHECK(overview["attention"][0]["id"] == id);
  // Named as everywhere else, so the overview's link has its text.
  const auto in_attention = nlohmann::json::parse(get(client, "/api/runs/" + std::to_string(id), &vera)->body);
  CHECK(overview["attention"][0]["number"] == in_attention["number"]);
  CHECK(kuvert::parse_run_number(overview["attention"][0]["number"].get<std::string>()));
  CHECK(overview["attention"][0]["attention"] == "1 piece was seen twice: a letter may be in a wrong envelope");

  const auto shown = nlohmann::json::parse(get(client, "/api/runs/" + sensitive, &anna)->body);
  const auto& reconciliation = shown["reconciliation"];
  CHECK(reconciliation["statuses"] == nlohmann::json{{"damaged", 1}, {"duplicate", 1}, {"ok", 1}});
  REQUIRE(reconciliation["problem_pieces"].size() == 2);
  CHECK(reconciliation["problem_pieces"][0]["status"] == "duplicate");
  CHECK(reconciliation["problem_pieces"][1]["status"] == "damaged");
  CHECK(reconciliation["problem_pieces"][1]["note"] == "torn");
  CHECK(reconciliation["problem_pieces"][1].contains("documents"));
  // A viewer sees what happened, not which documents.
  const auto counts = nlohmann::json::parse(get(client, "/api/runs/" + sensitive, &vera)->body);
  CHECK(counts["reconciliation"]["problem_pieces"].size() == 2);
  CHECK_FALSE(counts["reconciliation"]["problem_pieces"][1].contains("documents"));
  // A supervisor clears it with a finding, deciding the piece seen twice;
  // an operator may not, and a body that does not read is refused.
  const std::string twice = reconciliation["problem_pieces"][0]["piece"];
  const std::string clear = "/api/runs/" + sensitive + "/clear";
  const nlohmann::json decision{{"set", {{twice, "ok"}}}, {"finding", "Fach 2 geöffnet: allein im Umschlag"}};
  auto refused = post(client, clear, &anna, true, decision.dump());
  CHECK(refused->status == 409);
  CHECK(error_of(refused) == "\"clear\" needs the supervisor role; anna is operator");
  refused = post(client, clear, &bernd, true, R"({"set": {"x": 3}})");
  CHECK(refused->status == 400);
  CHECK(error_of(refused).starts_with("expected {\"set\""));
  CHECK(error_of(post(client, clear, &bernd, true, R"({"rest": "later"})")) ==
        "\"later\" is not one of ok, reprint, pull, hand-mail");
  const auto cleared = post(client, clear, &bernd, true, decision.dump());
  INFO(cleared->body);
  REQUIRE(cleared->status == 200);
  CHECK(nlohmann::json::parse(cleared->body)["state"] == "reconciled");
  const auto trail = nlohmann::json::parse(get(client, "/api/audit?action=clear", &bernd)->body);
  REQUIRE(trail.size() == 1);
  CHECK(trail[0]["detail"] == "attention -> reconciled: finding: Fach 2 geöffnet: allein im Umschlag");
}

TEST_CASE("Console API: the members' month, as a table and as the accounts office's CSV", "[service][slow]") {
  Console console;
  auto client = console.client();
  const auto vera = log_in(client, "vera");
  // Both jobs were produced in November (kStart), in the centre's time.
  std::int64_t pieces = 0, cents = 0;
  {
    Store store({console.store_folder()});
    for (const auto& run : list_runs(store)) {
      const auto ticket = nlohmann::json::parse(kuvert::test::read_file(fs::path(run.file).replace_extension(".json")));
      pieces += ticket["counts"]["pieces"].get<std::int64_t>();
      cents += ticket["postage"]["total_cents"].get<std::int64_t>();
    }
  }
  REQUIRE(pieces == 6);
  const auto table = get(client, "/api/reports/clients?month=2026-11", &vera);
  REQUIRE(table);
  REQUIRE(table->status == 200);
  const auto month = nlohmann::json::parse(table->body);
  CHECK(month["time_zone"] == "Europe/Berlin");
  REQUIRE(month["clients"].size() == 1);
  CHECK(month["clients"][0]["client"] == "musterstadt");
  CHECK(month["clients"][0]["pieces"] == pieces);
  CHECK(month["clients"][0]["documents"] == 6);
  CHECK(month["clients"][0]["postage_cents"] == cents);
  const auto csv = get(client, "/api/reports/clients?month=2026-11&format=csv", &vera);
  REQUIRE(csv);
  CHECK(csv->get_header_value("Content-Disposition") == "attachment; filename=\"kuvert-clients-2026-11.csv\"");
  const auto rows = kuvert::test::read_csv(csv->body);
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].at("postage_cents") == std::to_string(cents));
  // Another month has nothing; a month that is none is refused.
  CHECK(nlohmann::json::parse(get(client, "/api/reports/clients?month=2026-10", &vera)->body)["clients"].empty());
  const auto bad = get(client, "/api/reports/clients?month=November", &vera);
  CHECK(bad->status == 400);
  CHECK(error_of(bad) == "month: expected YYYY-MM");
}

TEST_CASE("Console API: a scan batch's documents with their first page, confidence, fields and dropped pages",
          "[service][slow]") {
  Console console;
  auto client = console.client();
  const Browser anna = log_in(client, "anna"), vera = log_in(client, "vera");
  // A batch as kuvert scan leaves it: summary.json, each document's PDF/A
  // (a run's file stands in) and its index record.
  const fs::path output = console.store_folder() / "scan-out";
  fs::create_directories(output);
  fs::copy_file(console.print_file(false), output / "post-9-0001.pdf");
  kuvert::ScanSummary summary;
  summary.batch = "post-9";
  summary.documents.push_back({"post-9-0001", "post-9-0001.pdf", "post-9-0001.json", 1, 1});
  kuvert::test::write_file(output / "summary.json", nlohmann::json(summary).dump());
  kuvert::test::write_file(output / "post-9-0001.json", R"({"id": "post-9-0001", "mean_confidence": 91.5,
    "fields": [{"name": "kassenzeichen", "value": "K-2026-000101"}],
    "dropped_pages": [{"source": "brief.pdf", "page": 2, "batch_page": 2}], "text": "..."})");
  std::int64_t job = 0;
  {
    Store store({console.store_folder()});
    const auto taking = begin_taking(store, "post", "brief.pdf", std::string(64, 'e'), "inputs/9", kStart, "test:1:1");
    job = start_job(store, taking.id, JobKind::scan, "post", "brief.pdf", "musterstadt", output.string(), kStart);
    finish_job(store, job, {"brief.pdf", 1, 1, 0, {}, "[]"}, "", kStart);
  }
  const std::string path = "/api/jobs/" + std::to_string(job);
  const auto shown = nlohmann::json::parse(get(client, path, &anna)->body)["archive"]["documents"];
  REQUIRE(shown.size() == 1);
  CHECK(shown[0]["id"] == "post-9-0001");
  CHECK(shown[0]["mean_confidence"] == 91.5);
  CHECK(shown[0]["fields"][0] == nlohmann::json{{"name", "kassenzeichen"}, {"value", "K-2026-000101"}});
  CHECK(shown[0]["dropped_pages"] == nlohmann::json::parse(R"([{"source": "brief.pdf", "page": 2}])"));
  // Its first page, as pdftoppm renders it.
  const auto preview = get(client, path + "/documents/0/preview.png", &anna);
  REQUIRE(preview->status == 200);
  CHECK(kuvert::test::PageImage::from_png(preview->body)
            .difference(kuvert::test::render_pages(output / "post-9-0001.pdf", 50).front()) < 3);
  CHECK(nlohmann::json::parse(get(client, path + "/documents/1/preview.png", &anna)->body)["code"] == "no_document");
  CHECK(get(client, path + "/documents/99999999999999999999999/preview.png", &anna)->status == 404);
  CHECK(get(client, "/api/jobs/1/documents/0/preview.png", &anna)->status == 404);  // a print job
  // What the letter says is not for a viewer: counts only.
  const auto counted = nlohmann::json::parse(get(client, path, &vera)->body)["archive"]["documents"];
  CHECK(counted[0]["pages"] == 1);
  CHECK_FALSE(counted[0].contains("fields"));
  CHECK_FALSE(counted[0].contains("mean_confidence"));
  CHECK(get(client, path + "/documents/0/preview.png", &vera)->status == 403);
  // A look at what the letters say is in the audit trail, as a sensitive
  // run's: once a session (the page's previews with the page), also for a
  // preview fetched alone.
  CHECK(get(client, path, &anna)->status == 200);
  const Browser bernd = log_in(client, "bernd");
  CHECK(get(client, path + "/documents/0/preview.png", &bernd)->status == 200);
  CHECK(get(client, path + "/documents/0/preview.png", &bernd)->status == 200);
  const auto trail = nlohmann::json::parse(get(client, "/api/audit?action=view%20content", &anna)->body);
  std::vector<std::pair<std::string, std::string>> looks;
  for (const auto& record : trail)
    if (record["object"] == "job J" + std::to_string(job)) looks.emplace_back(record["user"], record["detail"]);
  CHECK(looks ==
        std::vector<std::pair<std::string, std::string>>{{"bernd", "preview of archived document post-9-0001"},
                                                         {"anna", "index fields and previews of 1 archived document"}});
}

TEST_CASE("Console API: a run the printer lost is asked for again, with a reason", "[service][slow]") {
  Console console;
  auto client = console.client();
  const Browser anna = log_in(client, "anna"), vera = log_in(client, "vera");
  const auto id = console.run(false);
  const std::string run = "/api/runs/" + std::to_string(id);
  REQUIRE(post(client, run + "/release", &anna)->status == 200);
  const auto offered = [&](const Browser& who) {
    const auto actions = nlohmann::json::parse(get(client, run, &who)->body)["actions"];
    return std::find(actions.begin(), actions.end(), "redeliver") != actions.end();
  };
  CHECK_FALSE(offered(anna));  // not before it went to the printer
  {
    Store store({console.store_folder()});
    act_on_run(store, id, RunAction::deliver, {"", Role::viewer, true}, kStart);
  }
  CHECK(offered(anna));
  CHECK_FALSE(offered(vera));
  for (const std::string body : {"", "{}", R"({"reason": 3})", R"({"reason": "x", "more": 1})"})
    CHECK(post(client, run + "/redeliver", &anna, true, body)->status == 400);
  const auto empty = post(client, run + "/redeliver", &anna, true, R"({"reason": " "})");
  CHECK(empty->status == 409);
  CHECK(nlohmann::json::parse(empty->body)["code"] == "reason_needed");
  CHECK(nlohmann::json::parse(post(client, run + "/redeliver", &vera, true, R"({"reason": "lost"})")->body)["code"] ==
        "role_needed");
  const auto asked = post(client, run + "/redeliver", &anna, true, R"({"reason": "Datei im Spooler verloren"})");
  REQUIRE(asked->status == 200);
  const auto body = nlohmann::json::parse(asked->body);
  CHECK(body["state"] == "delivered");
  CHECK(body["redeliver"] == "Datei im Spooler verloren");
  CHECK(console.changes() == 2);  // the service is told at once, as for a release
}

TEST_CASE("Console API: the page viewer shows any sheet of a run, front and back, with the proof's overlay",
          "[service][slow]") {
  Console console;
  auto client = console.client();
  const Browser anna = log_in(client, "anna"), vera = log_in(client, "vera");
  const auto ordinary = std::to_string(console.run(false)), sensitive = std::to_string(console.run(true));
  const fs::path file = console.print_file(false);
  const auto manifest = kuvert::test::read_csv(kuvert::test::read_file(fs::path(file).replace_extension(".csv")));
  const auto run = nlohmann::json::parse(get(client, "/api/runs/" + ordinary, &anna)->body);
  const std::int64_t sheets = run["sheets"];
  REQUIRE(sheets >= 2);
  REQUIRE(run["pages"] == 2 * sheets);  // duplex

  // Every sheet: the piece the manifest says and its place in it; the
  // window's zones on the side that faces it (as the ticket says, the
  // piece's first or last sheet), the clear zone on both sides.
  const auto ticket = nlohmann::json::parse(kuvert::test::read_file(fs::path(file).replace_extension(".json")));
  const bool address_last = ticket["production"]["address_sheet"] == "last";
  const auto kinds = [](const nlohmann::json& zones) {
    std::set<std::string> found;
    for (const auto& zone : zones) found.insert(zone["kind"]);
    return found;
  };
  std::int64_t seen = 0;
  for (const auto& piece : manifest) {
    const std::int64_t first = std::stoll(piece.at("first_sheet")), last = std::stoll(piece.at("last_sheet"));
    for (std::int64_t number = first; number <= last; ++number, ++seen) {
      INFO("sheet " << number);
      const auto sheet = nlohmann::json::parse(
          get(client, "/api/runs/" + ordinary + "/sheets/" + std::to_string(number), &anna)->body);
      CHECK(sheet["piece"] == piece.at("piece_id"));
      CHECK(sheet["sequence"] == std::stoll(piece.at("sequence")));
      CHECK(sheet["sheet_of_piece"] == number - first + 1);
      CHECK(sheet["piece_sheets"] == last - first + 1);
      CHECK(sheet["envelope"] == piece.at("envelope"));
      CHECK(sheet["duplex"] == true);
      CHECK(sheet["overlay_problem"] == "");
      CHECK(kinds(sheet["front"]).count("window") == (number == (address_last ? last : first) ? 1u : 0u));
      CHECK(kinds(sheet["front"]).count("inserter") == 1);
      CHECK(kinds(sheet["back"]).count("window") == 0);
      CHECK(kinds(sheet["back"]).count("inserter") == 1);
    }
  }
  CHECK(seen == sheets);

  // Rendered on the server: each side is the page of the run file that
  // poppler's pdftoppm renders for it, and no other page.
  const auto pages = kuvert::test::render_pages(file, 50);
  REQUIRE(pages.size() == static_cast<std::size_t>(2 * sheets));
  for (const std::string side : {"front", "back"}) {
    const auto png =
        get(client, "/api/runs/" + ordinary + "/sheets/" + std::to_string(sheets) + "/" + side + ".png?dpi=50", &anna);
    REQUIRE(png->status == 200);
    CHECK(png->get_header_value("Content-Type") == "image/png");
    const auto shown = kuvert::test::PageImage::from_png(png->body);
    const std::size_t expected = 2 * static_cast<std::size_t>(sheets - 1) + (side == "back" ? 1 : 0);
    INFO(side);
    CHECK(shown.difference(pages[expected]) < 3);
    for (std::size_t other = 0; other < pages.size(); ++other)
      if (pages[other].difference(pages[expected]) > 1)
        CHECK(shown.difference(pages[other]) > shown.difference(pages[expected]));
  }
  const auto zoomed = kuvert::test::PageImage::from_png(
      get(client, "/api/runs/" + ordinary + "/sheets/1/front.png?dpi=200", &anna)->body);
  CHECK(zoomed.width() == 1654);  // A4 at 200 dpi

  // What is not there, or not asked right.
  const auto none = get(client, "/api/runs/" + ordinary + "/sheets/0", &anna);
  CHECK(none->status == 404);
  CHECK(nlohmann::json::parse(none->body)["code"] == "no_sheet");
  CHECK(get(client, "/api/runs/" + ordinary + "/sheets/" + std::to_string(sheets + 1), &anna)->status == 404);
  CHECK(get(client, "/api/runs/" + ordinary + "/sheets/99999999999999999999", &anna)->status == 404);
  CHECK(get(client, "/api/runs/" + ordinary + "/sheets/1/front.png?dpi=500", &anna)->status == 400);
  CHECK(error_of(get(client, "/api/runs/" + ordinary + "/sheets/1/front.png?dpi=x", &anna)) ==
        "dpi: expected 24 to 300");
  CHECK(get(client, "/api/runs/999/sheets/1", &anna)->status == 404);
  for (const std::string dpi : {"100abc", " 100", "+100", "23", "301"})
    CHECK(get(client, "/api/runs/" + ordinary + "/sheets/1/front.png?dpi=" + dpi, &anna)->status == 400);

  // A sensitive run's sheets: not for a viewer; an operator's look audited.
  CHECK(get(client, "/api/runs/" + sensitive + "/sheets/1", &vera)->status == 403);
  CHECK(get(client, "/api/runs/" + sensitive + "/sheets/1/front.png", &vera)->status == 403);
  CHECK(get(client, "/api/runs/" + sensitive + "/sheets/1/front.png?dpi=1000", &anna)->status == 400);  // no look
  CHECK(get(client, "/api/runs/" + sensitive + "/sheets/1", &anna)->status == 200);
  CHECK(get(client, "/api/runs/" + sensitive + "/sheets/1/front.png", &anna)->status == 200);
  CHECK(get(client, "/api/runs/" + sensitive + "/sheets/1/back.png", &anna)->status == 200);
  const auto audit = nlohmann::json::parse(get(client, "/api/audit?action=view%20content&user=anna", &anna)->body);
  std::vector<std::string> looks;
  for (const auto& record : audit) {
    CHECK(record["object"] == "run " + console.number(true));
    looks.push_back(record["detail"]);
  }
  CHECK(looks == std::vector<std::string>{"sheet 1 back", "sheet 1 front", "sheet 1"});  // newest first
}

TEST_CASE("Console API: a run's files are opened and downloaded by those who may see them, each fetch audited",
          "[service][slow]") {
  Console console;
  auto client = console.client();
  const Browser vera = log_in(client, "vera"), anna = log_in(client, "anna");
  const auto sensitive = std::to_string(console.run(true));
  const fs::path print_file = console.print_file(true);
  const std::string stem = print_file.stem().string();

  // The listing: the print file, ticket, manifest and control files.
  const auto files = nlohmann::json::parse(get(client, "/api/runs/" + sensitive + "/files", &anna)->body);
  std::map<std::string, std::string> kinds;
  for (const auto& file : files) kinds[file["name"]] = file["kind"];
  CHECK(kinds.at(stem + ".pdf") == "print file");
  CHECK(kinds.at(stem + ".json") == "ticket");
  CHECK(kinds.at(stem + ".csv") == "manifest");
  CHECK(kinds.at(stem + ".pieces.csv") == "control file");

  // An operator downloads the print file: the bytes of the run's file,
  // not kept by the browser, and the trail says who took it.
  const auto pdf = get(client, "/api/runs/" + sensitive + "/files/" + stem + ".pdf?download=1", &anna);
  REQUIRE(pdf);
  REQUIRE(pdf->status == 200);
  CHECK(pdf->body == kuvert::test::read_file(print_file));
  CHECK(pdf->get_header_value("Content-Type") == "application/pdf");
  CHECK(pdf->get_header_value("Content-Disposition") == "attachment; filename=\"" + stem + ".pdf\"");
  CHECK(pdf->get_header_value("Cache-Control") == "no-store");
  const auto opened = get(client, "/api/runs/" + sensitive + "/files/" + stem + ".csv", &anna);
  CHECK(opened->get_header_value("Content-Disposition") == "inline; filename=\"" + stem + ".csv\"");
  const auto trail = nlohmann::json::parse(
      get(client, "/api/audit?action=view%20content&object=run%20" + console.number(true), &anna)->body);
  REQUIRE(trail.size() == 2);
  CHECK(trail[0]["detail"] == "open " + stem + ".csv");
  CHECK(trail[1]["user"] == "anna");
  CHECK(trail[1]["detail"] == "download " + stem + ".pdf");

  // A viewer gets none of a sensitive run's files, its ticket neither (it
  // names the documents handled by hand).
  for (const auto& file : nlohmann::json::parse(get(client, "/api/runs/" + sensitive + "/files", &vera)->body))
    CHECK(file["visible"] == false);
  for (const std::string name : {".json", ".pdf?download=1"}) {
    const auto refused = get(client, "/api/runs/" + sensitive + "/files/" + stem + name, &vera);
    CHECK(refused->status == 403);
    CHECK(error_of(refused) == "the content of a sensitive run is for operators and above");
  }
  // A link in the run's folder named like its files is not served.
  fs::create_symlink(console.store_folder() / "kuvert.db", print_file.parent_path() / (stem + ".link.csv"));
  CHECK(get(client, "/api/runs/" + sensitive + "/files/" + stem + ".link.csv", &anna)->status == 404);

  // Nothing but the run's own files: no other file of the folder, no way out of it.
  for (const std::string& name : std::vector<std::string>{"summary.json", "..%2F..%2Fkuvert.db", stem + ".pdf.bak"})
    CHECK(get(client, "/api/runs/" + sensitive + "/files/" + name, &anna)->status == 404);
}

TEST_CASE("Console API: the ticket as the print room prints it, an A4 PDF in German, for those who may see it",
          "[service][slow]") {
  Console console;
  auto client = console.client();
  const Browser vera = log_in(client, "vera"), anna = log_in(client, "anna");
  const auto sensitive = std::to_string(console.run(true)), ordinary = std::to_string(console.run(false));
  const auto ticket = get(client, "/api/runs/" + sensitive + "/ticket.pdf", &anna);
  REQUIRE(ticket);
  REQUIRE(ticket->status == 200);
  CHECK(ticket->get_header_value("Content-Type") == "application/pdf");
  CHECK(ticket->get_header_value("Cache-Control") == "no-store");
  CHECK(ticket->get_header_value("Content-Disposition").find(".ticket.pdf\"") != std::string::npos);
  kuvert::test::TempFolder temp;
  kuvert::test::write_file(temp.path() / "ticket.pdf", ticket->body);
  const auto pages = kuvert::test::page_texts(temp.path() / "ticket.pdf");
  REQUIRE(pages.size() == 1);
  CHECK(pages[0].find("Laufzettel " + console.number(true)) != std::string::npos);
  CHECK(pages[0].find("Sendungen") != std::string::npos);
  CHECK(pages[0].find("10.12.2026") != std::string::npos);  // due, as the job said
  const auto trail = nlohmann::json::parse(
      get(client, "/api/audit?action=view%20content&object=run%20" + console.number(true), &anna)->body);
  REQUIRE(trail.size() == 1);
  CHECK(trail[0]["detail"] == "open ticket.pdf");
  // A viewer: not a sensitive run's (it names the documents handled by
  // hand), an ordinary run's yes.
  const auto refused = get(client, "/api/runs/" + sensitive + "/ticket.pdf", &vera);
  CHECK(refused->status == 403);
  CHECK(get(client, "/api/runs/" + ordinary + "/ticket.pdf", &vera)->status == 200);
  CHECK(get(client, "/api/runs/999/ticket.pdf", &anna)->status == 404);
  CHECK(get(client, "/api/runs/" + ordinary + "/ticket.pdf", nullptr)->status == 401);
}

TEST_CASE(
    "Console API: a notice is found by its id, its recipient or postcode, as the role allows, every search audited",
    "[service][slow]") {
  Console console;
  auto client = console.client();
  const Browser vera = log_in(client, "vera"), anna = log_in(client, "anna");
  const auto sensitive = console.run(true);
  const fs::path print_file = console.print_file(true);
  // A salary statement's first piece, as its run's manifest lists it.
  const auto piece =
      kuvert::test::read_csv(kuvert::test::read_file(fs::path(print_file).replace_extension(".csv"))).at(0);
  const std::string document = piece.at("documents"), postcode = piece.at("postcode");
  const std::string surname = piece.at("recipient").substr(0, piece.at("recipient").find(','));
  const auto search = [&](const Browser& who, const std::string& text) {
    const auto response = get(client, "/api/search?q=" + httplib::detail::encode_query_param(text), &who);
    REQUIRE(response);
    REQUIRE(response->status == 200);
    return nlohmann::json::parse(response->body);
  };

  // The piece among the hits, if there.
  const auto hit_of = [&](const nlohmann::json& hits) -> nlohmann::json {
    for (const auto& hit : hits)
      if (hit["piece"] == piece.at("piece_id")) return hit;
    return nullptr;
  };
  // An operator finds it by its document id (the Kassenzeichen; the other
  // job's letter of the same id too), and sees where it is.
  const auto by_id = search(anna, document);
  CHECK(by_id.size() == 2);
  const auto hit = hit_of(by_id);
  REQUIRE(hit.is_object());
  CHECK(hit["run"] == sensitive);
  CHECK(hit["run_state"] == "awaiting_release");
  CHECK(hit["recipient"] == piece.at("recipient"));
  CHECK(hit["sheets"] == std::stoi(piece.at("sheets")));
  // ... and by the recipient's name or postcode.
  CHECK(hit_of(search(anna, surname)).is_object());
  CHECK(hit_of(search(anna, postcode)).is_object());
  // A viewer finds the salary statement by its whole id only, without its
  // documents or recipient.
  const auto viewed = hit_of(search(vera, document));
  REQUIRE(viewed.is_object());
  CHECK(viewed["recipient"] == "");
  CHECK(viewed["postcode"] == "");
  CHECK(viewed["documents"] == "");
  CHECK(hit_of(search(vera, document.substr(0, document.size() - 1))).is_null());
  CHECK(hit_of(search(vera, surname)).is_null());
  CHECK(hit_of(search(vera, postcode)).is_null());
  // Wildcards are letters; a search of two letters is too short.
  CHECK(search(anna, "%%%").empty());
  const auto short_one = get(client, "/api/search?q=ab", &anna);
  CHECK(short_one->status == 400);
  CHECK(error_of(short_one) == "q: expected 3 to 200 characters");
  const auto trail = nlohmann::json::parse(get(client, "/api/audit?action=search", &anna)->body);
  REQUIRE(trail.size() == 8);  // the refused one is not a search
  CHECK(trail[0]["user"] == "anna");
  CHECK(trail[0]["detail"] == "\"%%%\": 0 found");
  CHECK(trail.back()["detail"] == "\"" + document + "\": 2 found");
  CHECK_FALSE(trail[0]["withheld"].get<bool>());
  // A viewer sees that the searches were made, not what was searched for.
  const auto seen_by_viewer = nlohmann::json::parse(get(client, "/api/audit?action=search", &vera)->body);
  REQUIRE(seen_by_viewer.size() == 8);
  CHECK(seen_by_viewer.back()["user"] == "anna");
  CHECK(seen_by_viewer.back()["detail"] == "");
  CHECK(seen_by_viewer.back()["withheld"].get<bool>());
  // So is why a piece was pulled; a release is not withheld.
  {
    Store store({console.store_folder()});
    Transaction transaction(store.db());
    append_audit(store, {"2026-11-20T10:00:00Z", "anna", "pieces set", "run J1-R0001", "pull: Empfänger verstorben"});
    transaction.commit();
  }
  const auto pulled = nlohmann::json::parse(get(client, "/api/audit?action=pieces%20set", &vera)->body);
  REQUIRE(pulled.size() == 1);
  CHECK(pulled[0]["detail"] == "");
  CHECK(nlohmann::json::parse(get(client, "/api/audit?action=pieces%20set", &anna)->body)[0]["detail"] ==
        "pull: Empfänger verstorben");
  CHECK_FALSE(nlohmann::json::parse(get(client, "/api/audit?action=login", &vera)->body)[0]["withheld"].get<bool>());
}
