// Which build of the engine wrote a score stream. Two builds of different code may score the same
// records differently (a fixed matcher, a corrected rule), so a delta run carries records and
// entity facts over only from a run of the same build (StreamHeader.engine_build,
// docs/batch.md "Delta runs").
#ifndef CORRIDOR_ENGINE_BASE_ENGINE_BUILD_H_
#define CORRIDOR_ENGINE_BASE_ENGINE_BUILD_H_

#include <string>

namespace corridor {

// The first 16 hex digits of a SHA-256 over the engine's sources (engine/, schemas/), computed by
// the build (engine/base/engine_build.cmake): equal for builds of the same sources on any machine.
const char* EngineSourceDigest();

// "VERSION+SOURCE_DIGEST icu MAJOR.MINOR": the version, the sources' digest and the ICU library
// loaded at run time (its transliterators read names).
std::string EngineBuild();

}  // namespace corridor

#endif  // CORRIDOR_ENGINE_BASE_ENGINE_BUILD_H_
