//! What makes the web app big: the code of the finished wasm per crate and per function, read
//! from its name section (the build keeps function names until this report has read them, then
//! strips them), and the wasm's sections. Generic instances are grouped under their function
//! (`×N`), since a generic compiled once per type is the usual reason one name weighs a lot.

use std::collections::HashMap;

use anyhow::{Context, Result};
use wasmparser::{KnownCustom, Name, Parser, Payload};

/// Rows printed per table.
const TOP: usize = 20;

#[derive(Default)]
struct Weight {
    bytes: usize,
    count: usize,
}

/// Prints the size report of `wasm` (a module that still has its name section).
pub fn report(wasm: &[u8]) -> Result<()> {
    let mut imported_functions = 0u32;
    let mut bodies: Vec<usize> = Vec::new();
    let mut names: HashMap<u32, String> = HashMap::new();
    let mut code = 0usize;
    let mut data = 0usize;
    let mut custom = 0usize;
    for payload in Parser::new(0).parse_all(wasm) {
        match payload.context("reading the wasm for its size report")? {
            Payload::ImportSection(reader) => {
                for import in reader.into_imports() {
                    if matches!(import?.ty, wasmparser::TypeRef::Func(_)) {
                        imported_functions += 1;
                    }
                }
            }
            Payload::CodeSectionStart { size, .. } => code = size as usize,
            Payload::CodeSectionEntry(body) => bodies.push(body.range().len()),
            Payload::DataSection(reader) => data = reader.range().len(),
            Payload::CustomSection(reader) => {
                custom += reader.range().len();
                if let KnownCustom::Name(subsections) = reader.as_known() {
                    for subsection in subsections {
                        if let Name::Function(map) = subsection? {
                            for naming in map {
                                let naming = naming?;
                                names.insert(naming.index, naming.name.to_owned());
                            }
                        }
                    }
                }
            }
            _ => {}
        }
    }

    let mut by_crate: HashMap<String, Weight> = HashMap::new();
    let mut by_function: HashMap<String, Weight> = HashMap::new();
    for (position, &bytes) in bodies.iter().enumerate() {
        let index = imported_functions + position as u32;
        let name = names
            .get(&index)
            .map(|name| readable(name))
            .unwrap_or_else(|| format!("function[{index}]"));
        let krate = crate_of(&name);
        let group = without_generics(&name);
        for (table, key) in [(&mut by_crate, krate), (&mut by_function, group)] {
            let weight = table.entry(key).or_default();
            weight.bytes += bytes;
            weight.count += 1;
        }
    }

    let total = wasm.len() - custom;
    println!(
        "==> web app: size report ({} functions; code {}, data {}, other {})",
        bodies.len(),
        kib(code),
        kib(data),
        kib(total.saturating_sub(code + data)),
    );
    print_table("crate", &by_crate, code, |_, _| String::new());
    print_table("function", &by_function, code, |_, weight| {
        if weight.count > 1 {
            format!(" ×{}", weight.count)
        } else {
            String::new()
        }
    });
    Ok(())
}

fn print_table(
    what: &str,
    table: &HashMap<String, Weight>,
    code: usize,
    suffix: impl Fn(&str, &Weight) -> String,
) {
    let mut rows: Vec<(&String, &Weight)> = table.iter().collect();
    rows.sort_by(|a, b| b.1.bytes.cmp(&a.1.bytes).then(a.0.cmp(b.0)));
    println!("    {:>9} {:>6}  {what} (of the code)", "bytes", "%");
    for (name, weight) in rows.iter().take(TOP) {
        let mut shown: String = name.chars().take(110).collect();
        if shown.len() < name.len() {
            shown.push('…');
        }
        println!(
            "    {:>9} {:>5.1}%  {shown}{}",
            weight.bytes,
            100.0 * weight.bytes as f64 / code.max(1) as f64,
            suffix(name, weight)
        );
    }
}

/// The function's name demangled and without the hash LLVM appends (`::h0123…`).
fn readable(name: &str) -> String {
    let name = match rustc_demangle::try_demangle(name) {
        Ok(demangled) => format!("{demangled:#}"),
        Err(_) => name.to_owned(),
    };
    match name.rsplit_once("::h") {
        Some((head, hash)) if hash.len() == 16 && hash.bytes().all(|b| b.is_ascii_hexdigit()) => {
            head.to_owned()
        }
        _ => name,
    }
}

/// The crate a function is attributed to: the first path segment, looking through
/// `<Type as Trait>::` and references; `core::ptr::drop_in_place<T>` counts for `T`'s crate.
fn crate_of(name: &str) -> String {
    let name = name
        .strip_prefix("core::ptr::drop_in_place<")
        .unwrap_or(name);
    let name = name.trim_start_matches(['<', '&', '*', '(', '[', ' ']);
    let name = name
        .strip_prefix("mut ")
        .or_else(|| name.strip_prefix("const "))
        .unwrap_or(name)
        .trim_start_matches(['<', '&', '(', '[', ' ']);
    match name.find("::") {
        // `core[c5930c85a12de822]`: the standard library's own copy, named with its hash.
        Some(end) if !name[..end].contains(['<', '>', ' ']) => name[..end]
            .split_once('[')
            .map_or(&name[..end], |(krate, _)| krate)
            .to_owned(),
        _ => "(other)".to_owned(),
    }
}

/// `a::b<T>::c<U>` → `a::b<…>::c<…>`, so a generic's instances count as one function.
fn without_generics(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut depth = 0usize;
    for c in name.chars() {
        match c {
            '<' => {
                if depth == 0 && !out.is_empty() && !out.ends_with("::") {
                    out.push_str("<…>");
                } else if depth == 0 {
                    out.push('<');
                    continue;
                }
                depth += 1;
            }
            '>' if depth > 0 => depth -= 1,
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// `wasm` without its `name` custom section (function names), as browsers get it.
pub fn strip_names(wasm: &[u8]) -> Result<Vec<u8>> {
    let mut out = Vec::with_capacity(wasm.len());
    out.extend_from_slice(wasm.get(..8).context("not a wasm module")?);
    let mut at = 8;
    while at < wasm.len() {
        let start = at;
        let id = wasm[at];
        at += 1;
        let size = leb_u32(wasm, &mut at)? as usize;
        let end = at + size;
        let content = wasm
            .get(at..end)
            .context("a wasm section runs past the end")?;
        let is_name_section = id == 0 && {
            let mut inner = 0;
            let length = leb_u32(content, &mut inner)? as usize;
            content.get(inner..inner + length) == Some(b"name".as_slice())
        };
        if !is_name_section {
            out.extend_from_slice(&wasm[start..end]);
        }
        at = end;
    }
    Ok(out)
}

fn leb_u32(bytes: &[u8], at: &mut usize) -> Result<u32> {
    let mut value = 0u32;
    for shift in (0..35).step_by(7) {
        let byte = *bytes.get(*at).context("a wasm number runs past the end")?;
        *at += 1;
        value |= u32::from(byte & 0x7f) << shift;
        if byte & 0x80 == 0 {
            return Ok(value);
        }
    }
    anyhow::bail!("a wasm number is too long")
}

fn kib(bytes: usize) -> String {
    format!("{:.1} KiB", bytes as f64 / 1024.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attributes_functions_to_crates() {
        assert_eq!(crate_of("serde_json::de::from_str<x::Y>"), "serde_json");
        assert_eq!(
            crate_of("<klasbrug_frontend::api::Api as core::clone::Clone>::clone"),
            "klasbrug_frontend"
        );
        assert_eq!(crate_of("core::ptr::drop_in_place<yew::html::Html>"), "yew");
        assert_eq!(crate_of("<&T as core::fmt::Debug>::fmt"), "(other)");
        assert_eq!(crate_of("core[c5930c85a12de822]::fmt::write"), "core");
    }

    #[test]
    fn groups_generic_instances() {
        assert_eq!(
            without_generics("a::Api::request<b::C,d::E<f::G>>::{{closure}}"),
            "a::Api::request<…>::{{closure}}"
        );
        assert_eq!(
            without_generics("<a::B<c::D> as e::F>::g"),
            "<a::B<…> as e::F>::g"
        );
        assert_eq!(readable("a::b::h0123456789abcdef"), "a::b");
    }
}
