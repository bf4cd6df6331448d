#pragma once
// A data job's records composed into letters: a tbb::parallel_pipeline
// reads records one by one (serial), composes them (parallel, a text
// setter per thread) and appends their pages to a spool PDF (serial), from
// which the job is then planned and imposed like a print-file job.
#include <filesystem>
#include <functional>
#include <vector>

#include "pipeline/driver/run_request.hpp"
#include "pipeline/model/envelope_window.hpp"
#include "pipeline/model/error.hpp"
#include "pipeline/model/job.hpp"
#include "pipeline/model/letter_layout.hpp"
#include "pipeline/model/profile_catalog.hpp"
#include "pipeline/pdf/pdf_object.hpp"
#include "stages/compose/font_set.hpp"
#include "stages/compose/logo_image.hpp"
#include "stages/ingest/job_reader.hpp"

namespace kuvert {

// The client's logo for the letterheads: how it is drawn, and its objects,
// numbered in the spool's numbering, the first one the XObject /Logo.
struct ClientLogo {
  compose::LogoShape shape;
  std::function<std::vector<PdfObjectBytes>(ObjectNumbering&)> objects;
};

struct ComposedJob {
  Job job;                           // its one file is the spool
  LetterForm form = LetterForm::b;   // of the layout
  AddressWindow window;              // where the letters' addresses were set
  std::vector<Diagnostic> rejected;  // the problems of records left out ("on_bad_record": "skip")
  std::size_t rejected_records = 0;
};

// Composes every record of `data` into `spool`. A bad record (a field the
// layout does not expect or cannot set) fails the job: Error(input) lists
// every bad record's problems once all are read. With skip_bad_records the
// good ones are composed and the bad ones come back in `rejected`; a job
// with no good record fails all the same. `tokens` bounds the records in
// flight. `logo` is the client's, if it has one; `inserter` the profile
// the letters will be imposed for, whose clear zone they keep free;
// `window` where its envelope's window shows the address.
ComposedJob compose_job(const DataJob& data, const LetterLayout& layout, const Client& client,
                        const compose::FontSet& fonts, const ClientLogo* logo, const InserterProfile& inserter,
                        const AddressWindow& window, const std::filesystem::path& spool, unsigned tokens);

// Composes a data job's letters into `spool` with the layout, client and
// fonts its manifest names (request.layouts and request.fonts), for the
// inserter of its defaults, the address where the window of the envelope
// it folds letters into shows it. A layout, font or client that does not load
// fails the job (Error(input), named as the job's); otherwise as
// compose_job.
ComposedJob compose_data_job(const DataJob& data, const RunRequest& request, const ProfileCatalog& profiles,
                             const std::filesystem::path& spool, unsigned tokens);

}  // namespace kuvert
