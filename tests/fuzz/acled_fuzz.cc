// Fuzzes the ACLED incident importer (engine/incidents/acled_import.h): the input is the CSV
// export, imported into a fresh copy of an empty input database (a file, as the importer opens
// the database by path).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "engine/incidents/acled_import.h"
#include "engine/store/database.h"
#include "tests/fuzz/fuzz_util.h"

namespace {

// An empty input database, made once; each input starts from a copy of it.
const std::string& TemplateDatabase() {
  static const std::string path = [] {
    std::string template_path = corridor::fuzz::ScratchDir() + "/acled_template.db";
    std::unique_ptr<corridor::Database> db;
    if (!corridor::Database::OpenWritable(template_path, &db).ok() ||
        !corridor::CreateInputSchema(db.get()).ok()) {
      std::fprintf(stderr, "acled_fuzz: cannot create %s\n", template_path.c_str());
      std::abort();
    }
    return template_path;
  }();
  return path;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string& scratch = corridor::fuzz::ScratchDir();
  const std::string db_path = scratch + "/acled.db";
  const std::string csv_path = scratch + "/acled.csv";
  corridor::fuzz::CopyFile(TemplateDatabase(), db_path);
  corridor::fuzz::WriteFile(csv_path, std::string_view(reinterpret_cast<const char*>(data), size));
  corridor::IncidentImportReport report;
  corridor::Status status = corridor::ImportAcledIncidents(db_path, csv_path, &report);
  if (status.ok() &&
      report.rows != report.added + report.updated + report.unchanged + report.rejected) {
    // Every data row is loaded or rejected (engine/incidents/acled_import.h).
    __builtin_trap();
  }
  return 0;
}
