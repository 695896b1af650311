//! The built web app's assets made cacheable: each is renamed after its content's hash
//! (`klasbrug-<hash>_bg.wasm`), the files that name others are rewritten to the new names, and
//! every asset gets a Brotli (quality 11) and a gzip (level 9) copy beside it, so the server
//! sends them compressed without compressing per request.

use std::fs;
use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result};
use flate2::Compression;
use flate2::write::GzEncoder;
use sha2::{Digest, Sha256};

/// Files smaller than this are sent as they are: compressing them saves less than a packet.
const COMPRESS_FROM: usize = 1024;

/// The sizes of the WebAssembly module as built and as sent.
pub struct WasmSizes {
    pub name: String,
    pub raw: usize,
    pub gzip: usize,
    pub brotli: usize,
}

/// Renames the assets in `dist` after their hashes, rewrites `start.js` and `index.html` to
/// name them, and writes the compressed copies when `precompress`. `out_name` is wasm-bindgen's (`klasbrug`).
pub fn finish(dist: &Path, out_name: &str, precompress: bool) -> Result<WasmSizes> {
    let wasm = hash_rename(dist, &format!("{out_name}_bg.wasm"), |_| Ok(None))?;
    let js = hash_rename(dist, &format!("{out_name}.js"), |_| Ok(None))?;
    let css = hash_rename(dist, "style.css", |_| Ok(None))?;
    let start = hash_rename(dist, "start.js", |text| {
        Ok(Some(
            text.replace(&format!("/{out_name}_bg.wasm"), &format!("/{wasm}"))
                .replace(&format!("/{out_name}.js"), &format!("/{js}")),
        ))
    })?;
    let index_path = dist.join("index.html");
    let index = read_text(&index_path)?
        .replace(&format!("/{out_name}_bg.wasm"), &format!("/{wasm}"))
        .replace(&format!("/{out_name}.js"), &format!("/{js}"))
        .replace("/style.css", &format!("/{css}"))
        .replace("/start.js", &format!("/{start}"));
    fs::write(&index_path, index).with_context(|| format!("writing {}", index_path.display()))?;

    // A debug build is large and only ever served on this machine: not worth Brotli's time.
    if precompress {
        for name in [&wasm, &js, &css, &start, &"index.html".to_owned()] {
            compress(&dist.join(name))?;
        }
    }
    let size = |path: &Path| fs::metadata(path).map(|m| m.len() as usize).unwrap_or(0);
    let wasm_path = dist.join(&wasm);
    Ok(WasmSizes {
        raw: size(&wasm_path),
        gzip: size(&dist.join(format!("{wasm}.gz"))),
        brotli: size(&dist.join(format!("{wasm}.br"))),
        name: wasm,
    })
}

/// Renames `dist/name` to `stem-<hash>.ext` (or `stem-<hash>_bg.wasm`), after `rewrite` has
/// had its say on the content. Returns the new name.
fn hash_rename(
    dist: &Path,
    name: &str,
    rewrite: impl Fn(&str) -> Result<Option<String>>,
) -> Result<String> {
    let path = dist.join(name);
    let mut bytes = fs::read(&path).with_context(|| format!("reading {}", path.display()))?;
    if let Ok(text) = std::str::from_utf8(&bytes)
        && let Some(text) = rewrite(text)?
    {
        bytes = text.into_bytes();
    }
    let digest = Sha256::digest(&bytes);
    let hash: String = digest[..8].iter().map(|b| format!("{b:02x}")).collect();
    let hashed = match name.strip_suffix("_bg.wasm") {
        Some(stem) => format!("{stem}-{hash}_bg.wasm"),
        None => match name.rsplit_once('.') {
            Some((stem, ext)) => format!("{stem}-{hash}.{ext}"),
            None => format!("{name}-{hash}"),
        },
    };
    fs::write(dist.join(&hashed), &bytes).with_context(|| format!("writing {hashed}"))?;
    fs::remove_file(&path).with_context(|| format!("removing {}", path.display()))?;
    Ok(hashed)
}

fn read_text(path: &Path) -> Result<String> {
    fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))
}

/// Writes `path.br` and `path.gz` beside `path`, if it is worth it.
fn compress(path: &Path) -> Result<()> {
    let bytes = fs::read(path).with_context(|| format!("reading {}", path.display()))?;
    if bytes.len() < COMPRESS_FROM {
        return Ok(());
    }
    let mut gzip = GzEncoder::new(Vec::new(), Compression::best());
    gzip.write_all(&bytes)?;
    fs::write(with_suffix(path, "gz"), gzip.finish()?)?;

    let mut brotli = Vec::new();
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        lgwin: 24,
        ..Default::default()
    };
    brotli::BrotliCompress(&mut &bytes[..], &mut brotli, &params)
        .with_context(|| format!("compressing {}", path.display()))?;
    fs::write(with_suffix(path, "br"), brotli)?;
    Ok(())
}

fn with_suffix(path: &Path, suffix: &str) -> std::path::PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(".");
    name.push(suffix);
    name.into()
}
