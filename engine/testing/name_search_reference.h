// The brute-force reference for name search, used only by the tests and benchmarks to check the
// indexed NameIndex::Search() (engine/names/matcher.h): it scores every indexed name with the
// matcher's public scoring phase, NameIndex::ScoreRecords(), so the two differ only in candidate
// generation. Slow: every record is scored for every query.
#ifndef CORRIDOR_ENGINE_TESTING_NAME_SEARCH_REFERENCE_H_
#define CORRIDOR_ENGINE_TESTING_NAME_SEARCH_REFERENCE_H_

#include <vector>

#include "engine/base/status.h"
#include "engine/names/matcher.h"

namespace corridor::names {

// The same contract as index.Search(), computed by scoring every record of `index`.
Status SearchBruteForce(const NameIndex& index, const NameQuery& query, size_t limit,
                        double min_score, std::vector<NameMatch>* matches);

}  // namespace corridor::names

#endif  // CORRIDOR_ENGINE_TESTING_NAME_SEARCH_REFERENCE_H_
