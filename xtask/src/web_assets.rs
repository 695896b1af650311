//! The built web app's assets made cacheable: each is renamed after its content's hash
//! (`klasbrug-<hash>_bg.wasm`), the files that name others are rewritten to the new names, and
//! every asset gets a Brotli (quality 11) and a gzip (level 9) copy beside it, so the server
//! sends them compressed without compressing per request.

use std::fs;
use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result, bail};
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
/// name them, and writes the compressed copies when `precompress`. `out_names` are
/// wasm-bindgen's, one a bundle (`klasbrug`, `klasbrug-school`, …); the sizes come in their order.
pub fn finish(dist: &Path, out_names: &[&str], precompress: bool) -> Result<Vec<WasmSizes>> {
    // What each bundle's two files are called before and after.
    let mut renamed = Vec::new();
    for out_name in out_names {
        for file in [format!("{out_name}_bg.wasm"), format!("{out_name}.js")] {
            let hashed = hash_rename(dist, &file, |_| Ok(None))?;
            renamed.push((file, hashed));
        }
    }
    let name_hashed = |text: &str| {
        renamed
            .iter()
            .fold(text.to_owned(), |text, (file, hashed)| {
                text.replace(&format!("'/{file}'"), &format!("'/{hashed}'"))
            })
    };
    let css = hash_rename(dist, "style.css", |_| Ok(None))?;
    let start = hash_rename(dist, "start.js", |text| Ok(Some(name_hashed(text))))?;
    let index_path = dist.join("index.html");
    let index = read_text(&index_path)?
        .replace("/style.css", &format!("/{css}"))
        .replace("/start.js", &format!("/{start}"));
    fs::write(&index_path, index).with_context(|| format!("writing {}", index_path.display()))?;

    // A debug build is large and only ever served on this machine: not worth Brotli's time.
    if precompress {
        let mut names: Vec<&String> = renamed.iter().map(|(_, hashed)| hashed).collect();
        let index = "index.html".to_owned();
        names.extend([&css, &start, &index]);
        // Brotli at quality 11 takes seconds a bundle: one thread a file.
        std::thread::scope(|scope| {
            let compressing: Vec<_> = names
                .iter()
                .map(|name| {
                    let path = dist.join(name);
                    scope.spawn(move || compress(&path))
                })
                .collect();
            compressing.into_iter().try_for_each(|thread| {
                thread
                    .join()
                    .unwrap_or_else(|_| bail!("compressing panicked"))
            })
        })?;
    }
    let size = |path: &Path| fs::metadata(path).map(|m| m.len() as usize).unwrap_or(0);
    Ok(renamed
        .iter()
        .filter(|(file, _)| file.ends_with("_bg.wasm"))
        .map(|(_, wasm)| {
            let wasm_path = dist.join(wasm);
            WasmSizes {
                raw: size(&wasm_path),
                gzip: size(&dist.join(format!("{wasm}.gz"))),
                brotli: size(&dist.join(format!("{wasm}.br"))),
                name: wasm.clone(),
            }
        })
        .collect())
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

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn start_js_names_every_bundle_by_its_hashed_files_and_index_html_names_start_js() {
        let dist = std::env::temp_dir().join(format!("klasbrug_assets_{}", std::process::id()));
        fs::create_dir_all(&dist).unwrap();
        for (name, content) in [
            ("klasbrug_bg.wasm", "whole"),
            ("klasbrug.js", "whole glue"),
            ("klasbrug-school_bg.wasm", "school"),
            ("klasbrug-school.js", "school glue"),
            ("style.css", "body {}"),
            (
                "start.js",
                "const bundles = { full: ['/klasbrug.js', '/klasbrug_bg.wasm'], \
                 school: ['/klasbrug-school.js', '/klasbrug-school_bg.wasm'] };",
            ),
            (
                "index.html",
                "<link href=\"/style.css\"><script src=\"/start.js\">",
            ),
        ] {
            fs::write(dist.join(name), content).unwrap();
        }

        let sizes = finish(&dist, &["klasbrug", "klasbrug-school"], false).unwrap();

        let names: Vec<&str> = sizes.iter().map(|wasm| wasm.name.as_str()).collect();
        assert!(names[0].starts_with("klasbrug-") && names[0].ends_with("_bg.wasm"));
        assert!(names[1].starts_with("klasbrug-school-"), "{names:?}");
        assert_eq!(sizes[1].raw, "school".len());
        let index = fs::read_to_string(dist.join("index.html")).unwrap();
        let start = index
            .split('"')
            .find(|part| part.starts_with("/start-"))
            .unwrap();
        let start = fs::read_to_string(dist.join(&start[1..])).unwrap();
        for wasm in &names {
            assert!(start.contains(&format!("'/{wasm}'")), "{start}");
        }
        assert!(!start.contains("'/klasbrug_bg.wasm'") && !start.contains("'/klasbrug-school.js'"));
        assert!(!dist.join("klasbrug-school_bg.wasm").exists());
        fs::remove_dir_all(&dist).unwrap();
    }
}
