#include "engine/base/engine_build.h"

#include <unicode/uversion.h>

namespace corridor {

std::string EngineBuild() {
  UVersionInfo icu;
  u_getVersion(icu);
  return std::string(CORRIDOR_VERSION) + "+" + EngineSourceDigest() + " icu " +
         std::to_string(icu[0]) + "." + std::to_string(icu[1]);
}

}  // namespace corridor
