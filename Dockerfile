# Multi-stage build: the web app (wasm) and the server in a Rust image, then a slim runtime.
FROM rust:1.95-bookworm AS build
WORKDIR /src
RUN rustup target add wasm32-unknown-unknown
COPY . .
RUN cargo xtask build

FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates && rm -rf /var/lib/apt/lists/* \
    && useradd --system --home /app klasbrug
WORKDIR /app
COPY --from=build /src/target/release/klasbrug /usr/local/bin/klasbrug
COPY --from=build /src/dist /app/dist
USER klasbrug
ENV KLASBRUG_BIND=0.0.0.0:8080 KLASBRUG_STATIC_DIR=/app/dist
EXPOSE 8080
HEALTHCHECK CMD ["/bin/bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /readyz HTTP/1.0\\r\\n\\r\\n' >&3 && grep -q ' 200 ' <&3"]
ENTRYPOINT ["klasbrug"]
CMD ["serve"]
