#include "pipeline/service/run_delivery.hpp"

#include <catch2/catch.hpp>

TEST_CASE("A run's file name in the printer folder keeps only safe characters of the job name", "[service]") {
  kuvert::store::RunRecord run;
  run.job = 7;
  run.name = "R0002";
  run.job_name = "../../etc/Teil 1/2 Grundsteuer";
  CHECK(kuvert::service::delivered_name(run) == "J7-.._.._etc_Teil_1_2_Grundsteuer-R0002.pdf");
  run.job_name = "grundsteuer-2026.q1";
  CHECK(kuvert::service::delivered_name(run) == "J7-grundsteuer-2026.q1-R0002.pdf");
}
