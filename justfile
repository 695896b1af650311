# Short aliases for the xtask commands (https://just.systems). `cargo xtask` works without just.

# Build the web app and serve the demo on http://127.0.0.1:8080
run:
    cargo xtask run

# Everything CI runs: formatting, lints, unit, both databases, API, browser
test:
    cargo xtask test

# Web app + release binary
build:
    cargo xtask build

# Rewrite openapi/openapi.json from the code
openapi:
    cargo xtask openapi

# Browser tests only
e2e:
    cargo xtask e2e

# Load benchmarks against a release build
bench:
    cargo xtask bench
