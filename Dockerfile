# corridor in a container: builds on Debian 12 and runs `corridor serve` on the demo database.
#
#   docker build -t corridor .
#   docker run --rm -p 8080:8080 -e CORRIDOR_TOKEN="$(openssl rand -hex 16)" corridor
#
# `serve` listens on 0.0.0.0 inside the container, so it needs a bearer token (docs/serve.md):
# without CORRIDOR_TOKEN (or --token-file) it refuses to start and says so. Clients send
# `Authorization: Bearer TOKEN`; /healthz, /readyz and the review page's HTML need none.
# Mount your own database over /data to screen your records. Without a Docker daemon,
# tests/docker_steps.sh runs these steps on a Debian 12 host (docs/serve.md, "Container").

# --- build stage: the Debian packages of .ci/install-deps that the tool needs to build ------
FROM debian:12 AS build
RUN apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
      build-essential cmake pkg-config sqlite3 \
      libsqlite3-dev libprotobuf-dev protobuf-compiler libboost-program-options-dev libicu-dev \
      libssl-dev zlib1g-dev libjemalloc-dev catch2 libxml2-dev nlohmann-json3-dev libcurl4-openssl-dev \
      libcpp-httplib-dev \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . /src
# As CI builds Release: g++ 12 -O3, warnings as errors (the same compiler as every Debian 12 host).
RUN rm -rf build \
    && cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DCORRIDOR_WERROR=ON -DCMAKE_INSTALL_PREFIX=/usr \
         >/dev/null \
    && cmake --build build --target corridor corridor_python -j "$(nproc)" \
    && DESTDIR=/install cmake --install build
# The demo database, as samples/demo.sh builds it.
RUN mkdir -p /install/data \
    && build/corridor init --db /install/data/corridor_demo.db \
    && sqlite3 -bail /install/data/corridor_demo.db < samples/corridor_demo.sql \
    && build/corridor import-incidents --db /install/data/corridor_demo.db --format acled \
         --path samples/incidents_acled.csv \
    && build/corridor check-rules --rules /install/usr/share/corridor/rules

# --- runtime stage: the shared libraries only ------------------------------------------------
FROM debian:12-slim
RUN apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
      ca-certificates libsqlite3-0 libprotobuf32 libboost-program-options1.74.0 libicu72 libssl3 \
      libjemalloc2 libxml2 libcurl4 libcpp-httplib0.11 python3 python3-protobuf \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --home-dir /data --shell /usr/sbin/nologin corridor
COPY --from=build /install/usr/ /usr/
COPY --from=build --chown=corridor:corridor /install/data/ /data/
USER corridor
WORKDIR /data
EXPOSE 8080
CMD ["corridor", "serve", "--db", "/data/corridor_demo.db", "--rules", "/usr/share/corridor/rules", "--listen", "0.0.0.0:8080"]
