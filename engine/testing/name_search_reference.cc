#include "engine/testing/name_search_reference.h"

#include <cstdint>

namespace corridor::names {

Status SearchBruteForce(const NameIndex& index, const NameQuery& query, size_t limit,
                        double min_score, std::vector<NameMatch>* matches) {
  std::vector<uint32_t> every_record(index.records().size());
  for (size_t r = 0; r < every_record.size(); ++r) every_record[r] = static_cast<uint32_t>(r);
  return index.ScoreRecords(query, every_record, limit, min_score, matches);
}

}  // namespace corridor::names
