#include "pipeline/store/run_workflow.hpp"

#include <catch2/catch.hpp>

using namespace kuvert::store;

namespace {

const Actor anna{"anna", Role::operator_};
const Actor bernd{"bernd", Role::supervisor};
const Actor clara{"clara", Role::supervisor};
const Actor viola{"viola", Role::viewer};
const Actor service{"", Role::viewer, true};

RunFacts run(RunState state, bool sensitive = false, std::string released_by = {}) {
  return {state, sensitive, std::move(released_by)};
}

}  // namespace

TEST_CASE("An ordinary run goes from release straight to delivery", "[store]") {
  auto released = decide(run(RunState::awaiting_release), RunAction::release, anna);
  REQUIRE(released.next == RunState::released);
  CHECK(ready_for_delivery(run(RunState::released)));
  CHECK(decide(run(RunState::released), RunAction::deliver, service).next == RunState::delivered);
  CHECK(decide(run(RunState::delivered), RunAction::mark_printed, anna).next == RunState::printed);
  CHECK(decide(run(RunState::printed), RunAction::mark_inserted, anna).next == RunState::inserted);
  CHECK(decide(run(RunState::inserted), RunAction::reconcile, anna).next == RunState::reconciled);
  CHECK(decide(run(RunState::reconciled), RunAction::mark_posted, anna).next == RunState::posted);
  CHECK(decide(run(RunState::posted), RunAction::close, anna).next == RunState::closed);
  CHECK(decide(run(RunState::reconciled), RunAction::close, anna).refusal ==
        "a run that is reconciled cannot be given \"close\"");
  CHECK(decide(run(RunState::inserted), RunAction::close, anna).refusal ==
        "a run that is inserted cannot be given \"close\"");
  CHECK(decide(run(RunState::released), RunAction::confirm, bernd).refusal ==
        "the run holds no sensitive documents and needs no confirmation");
}

TEST_CASE("A sensitive run needs a second person with the supervisor role", "[store]") {
  const auto released = run(RunState::released, true, "bernd");
  CHECK_FALSE(ready_for_delivery(released));
  CHECK(decide(released, RunAction::deliver, service).refusal == "a run that is released cannot be given \"deliver\"");
  CHECK(decide(released, RunAction::confirm, bernd).refusal ==
        "four eyes: bernd released this run, a different supervisor must confirm it");
  CHECK(decide(run(RunState::released, true, "anna"), RunAction::confirm, anna).refusal ==
        "\"confirm\" needs the supervisor role; anna is operator");
  CHECK(decide(released, RunAction::confirm, clara).next == RunState::confirmed);
  CHECK(ready_for_delivery(run(RunState::confirmed, true, "bernd")));
}

TEST_CASE("Roles, holds, cancellation and who delivers", "[store]") {
  CHECK(decide(run(RunState::awaiting_release), RunAction::release, viola).refusal ==
        "\"release\" needs the operator role; viola is viewer");
  CHECK(decide(run(RunState::awaiting_release), RunAction::deliver, bernd).refusal ==
        "only the service delivers runs to printers");
  CHECK(decide(run(RunState::awaiting_release), RunAction::release, service).refusal ==
        "the service only delivers and reconciles runs");
  CHECK(decide(run(RunState::released), RunAction::hold, anna).next == RunState::held);
  CHECK(decide(run(RunState::held), RunAction::release, anna).next == RunState::released);
  CHECK(decide(run(RunState::held), RunAction::cancel, anna).next == RunState::cancelled);
  CHECK(decide(run(RunState::delivered), RunAction::hold, anna).refusal ==
        "a run that is delivered cannot be given \"hold\"");
  CHECK(decide(run(RunState::delivered), RunAction::cancel, anna).refusal ==
        "a run that is delivered cannot be given \"cancel\"");
  CHECK(decide(run(RunState::cancelled), RunAction::release, anna).refusal ==
        "a run that is cancelled cannot be given \"release\"");
  CHECK(decide(run(RunState::released), RunAction::release, anna).refusal ==
        "a run that is released cannot be given \"release\"");
  CHECK(decide(run(RunState::awaiting_release), RunAction::mark_printed, anna).refusal ==
        "a run that is awaiting_release cannot be given \"printed\"");
}

TEST_CASE("A run is reconciled once every piece has a status, unless a supervisor must look first", "[store]") {
  const auto at_inserter = [](PieceTally pieces, double max_percent = 2) {
    RunFacts facts = run(RunState::delivered);
    facts.pieces = pieces;
    facts.max_reprint_percent = max_percent;
    return facts;
  };
  CHECK(decide(at_inserter({1000, 3, 0, 0}), RunAction::reconcile, anna).refusal ==
        "3 pieces have no insert status yet");
  CHECK(decide(at_inserter({1000, 1, 0, 0}), RunAction::reconcile, anna).refusal ==
        "1 piece has no insert status yet");
  // 20 of 1000 to reprint is the printer's 2 % exactly: reconciled; 21 is more.
  CHECK(decide(at_inserter({1000, 0, 20, 0}), RunAction::reconcile, anna).next == RunState::reconciled);
  const auto over = decide(at_inserter({1000, 0, 21, 0}), RunAction::reconcile, service);
  CHECK(over.next == RunState::attention);
  CHECK(over.attention == "21 of 1000 pieces to reprint (2.1 %), more than the printer's 2 %");
  const auto seen_twice = decide(at_inserter({1000, 0, 30, 1}, 2.5), RunAction::reconcile, anna);
  CHECK(seen_twice.next == RunState::attention);
  CHECK(seen_twice.attention ==
        "1 piece was seen twice: a letter may be in a wrong envelope; 30 of 1000 pieces to reprint (3 %), more than "
        "the printer's 2.5 %");
  // A run without recorded pieces (made before kuvert knew them) reconciles at once.
  CHECK(decide(at_inserter({}), RunAction::reconcile, anna).next == RunState::reconciled);
  CHECK(decide(run(RunState::released), RunAction::reconcile, anna).refusal ==
        "a run that is released cannot be given \"reconcile\"");
  CHECK(decide(run(RunState::delivered), RunAction::reconcile, viola).refusal ==
        "\"reconcile\" needs the operator role; viola is viewer");
  // Only a supervisor clears attention, and only attention.
  CHECK(decide(run(RunState::attention), RunAction::clear, anna).refusal ==
        "\"clear\" needs the supervisor role; anna is operator");
  CHECK(decide(run(RunState::attention), RunAction::clear, service).refusal ==
        "the service only delivers and reconciles runs");
  CHECK(decide(run(RunState::attention), RunAction::clear, bernd).next == RunState::reconciled);
  CHECK(decide(run(RunState::attention), RunAction::close, bernd).refusal ==
        "a run that is in attention cannot be given \"close\"");
  CHECK(decide(run(RunState::reconciled), RunAction::clear, bernd).refusal ==
        "a run that is reconciled cannot be given \"clear\"");
}

// The members' accounts take a cancelled run's last change for when it was
// cancelled (client_accounts.cpp): nothing may change it afterwards.
TEST_CASE("A cancelled run takes no action any more, from anyone", "[store]") {
  const Actor admin{"ada", Role::admin};
  for (const auto action :
       {RunAction::release, RunAction::confirm, RunAction::hold, RunAction::cancel, RunAction::mark_printed,
        RunAction::mark_inserted, RunAction::close, RunAction::deliver, RunAction::reconcile, RunAction::clear,
        RunAction::mark_posted, RunAction::redeliver})
    for (const auto& actor : {admin, service}) {
      INFO(name(action));
      CHECK_FALSE(decide(run(RunState::cancelled), action, actor).next);
    }
}

TEST_CASE("States, actions and roles are named as the API spells them", "[store]") {
  for (const auto state :
       {RunState::awaiting_release, RunState::released, RunState::confirmed, RunState::delivered, RunState::printed,
        RunState::inserted, RunState::reconciled, RunState::attention, RunState::posted, RunState::closed, RunState::held,
        RunState::cancelled})
    CHECK(parse_run_state(name(state)) == state);
  CHECK(parse_run_action("release") == RunAction::release);
  CHECK(parse_run_action("printed") == RunAction::mark_printed);
  CHECK(parse_role("operator") == Role::operator_);
  CHECK_FALSE(parse_role("root"));
}
