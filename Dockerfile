# syntax=docker/dockerfile:1
# Multi-stage build: the web app (wasm) and the server in a Rust image, then a slim runtime.
FROM rust:1.95-bookworm AS build
WORKDIR /src
RUN rustup target add wasm32-unknown-unknown

# Dependencies first, from the manifests alone with empty sources: this layer (downloads and
# compiled dependencies) is built again only when a Cargo.toml or Cargo.lock changes, not on
# every change to the code.
COPY Cargo.toml Cargo.lock ./
COPY .cargo .cargo
COPY crates/api/Cargo.toml crates/api/
COPY crates/domain/Cargo.toml crates/domain/
COPY crates/store/Cargo.toml crates/store/
COPY crates/testkit/Cargo.toml crates/testkit/
COPY crates/e2e/Cargo.toml crates/e2e/
COPY frontend/Cargo.toml frontend/
COPY xtask/Cargo.toml xtask/
RUN for crate in crates/api crates/domain crates/store crates/testkit crates/e2e frontend xtask; do \
        mkdir -p "$crate/src" && echo 'fn main() {}' > "$crate/src/main.rs" && touch "$crate/src/lib.rs"; \
    done \
    && mkdir -p crates/domain/examples && echo 'fn main() {}' > crates/domain/examples/matching_scale.rs \
    && cargo fetch --locked \
    && cargo build --release --locked -p klasbrug-api -p xtask \
    && cargo build --locked -p klasbrug-frontend --target wasm32-unknown-unknown --profile wasm-release \
    && rm -rf crates/*/src crates/domain/examples frontend/src xtask/src

# The code. Its files may be older than the empty ones built above: touch them so cargo
# rebuilds our crates rather than keeping the empty ones.
COPY . .
RUN find crates frontend xtask -name '*.rs' -exec touch {} + && cargo xtask build

FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates && rm -rf /var/lib/apt/lists/* \
    && useradd --system --home /app klasbrug \
    && mkdir -p /app/data && chown klasbrug:klasbrug /app /app/data
WORKDIR /app
COPY --from=build /src/target/release/klasbrug /usr/local/bin/klasbrug
COPY --from=build /src/dist /app/dist
USER klasbrug
# Without DATABASE_URL the server keeps an SQLite file in /app/data (mount a volume there).
ENV KLASBRUG_BIND=0.0.0.0:8080 KLASBRUG_STATIC_DIR=/app/dist DATABASE_URL=sqlite:///app/data/klasbrug.db?mode=rwc
VOLUME /app/data
EXPOSE 8080
HEALTHCHECK CMD ["/bin/bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /readyz HTTP/1.0\\r\\n\\r\\n' >&3 && grep -q ' 200 ' <&3"]
ENTRYPOINT ["klasbrug"]
CMD ["serve"]
