#!/usr/bin/env bash
# Fetches the OCR engine's files into src-tauri/resources/ocr/ (gitignored): the PP-OCRv4
# Chinese models (det, rec, cls; ONNX, Apache-2.0) from the PyPI wheel rapidocr_onnxruntime,
# and the ONNX Runtime shared library (MIT) from the PyPI wheel onnxruntime, with their licence
# texts beside them. Every wheel is pinned by version and SHA-256 (the hashes PyPI publishes in
# its Simple API, https://pypi.org/simple/<name>/): a wheel that does not match is refused.
# Nothing is downloaded at run time by the app, and nothing a registry serves is committed.
#
# Usage: scripts/ocr-resources.sh [--all | linux | windows | macos ...] [--out DIR]
#   (default: this machine's platform; --all: linux, windows and macos, for the installers and
#   the Wine run). Downloads are cached in ~/.cache/loandesk-ocr (LOANDESK_OCR_CACHE), so a
#   second run is offline and instant. Needs only python3 (its standard library: urllib,
#   hashlib, zipfile): no pip, no curl.
#
# Layout written:
#   models/ch_PP-OCRv4_det_infer.onnx, ch_PP-OCRv4_rec_infer.onnx (its character dictionary is
#          in the model's metadata), ch_ppocr_mobile_v2.0_cls_infer.onnx, LICENSE.txt
#   runtime/linux-x86_64/libonnxruntime.so.1.22.1, runtime/windows-x86_64/onnxruntime.dll,
#   runtime/macos-universal/libonnxruntime.1.22.1.dylib, each with LICENSE and
#   ThirdPartyNotices.txt from the wheel
# ort 2.0.0-rc.10 (crates/ocr) speaks ONNX Runtime API 22: the runtime must be 1.22.x.
set -euo pipefail
cd "$(dirname "$0")/.."

# Windows runners (Git Bash) may name it python.
python=$(command -v python3 || command -v python || true)
[ -n "$python" ] || { echo "ocr-resources: python3 is required" >&2; exit 1; }
exec "$python" - "$@" <<'PY'
import hashlib, os, platform, shutil, sys, tempfile, urllib.request, zipfile

FILES = "https://files.pythonhosted.org/packages"
MODELS_WHEEL = (
    "rapidocr_onnxruntime-1.4.4-py3-none-any.whl",
    f"{FILES}/ba/12/1e5497183bdbe782dbb91bad1d0d2297dba4d2831b2652657f7517bfc6df",
    "971d7d5f223a7a808662229df1ef69893809d8457d834e6373d3854bc1782cbf",
)
MODELS = [
    "ch_PP-OCRv4_det_infer.onnx",
    "ch_PP-OCRv4_rec_infer.onnx",
    "ch_ppocr_mobile_v2.0_cls_infer.onnx",
]
# platform -> (wheel, folder URL, sha256, library inside onnxruntime/capi/)
RUNTIME_WHEELS = {
    "linux": (
        "onnxruntime-1.22.1-cp311-cp311-manylinux_2_27_x86_64.manylinux_2_28_x86_64.whl",
        f"{FILES}/59/f3/c93eb4167d4f36ea947930f82850231f7ce0900cb00e1a53dc4995b60479",
        "f6effa1299ac549a05c784d50292e3378dbbf010346ded67400193b09ddc2f04",
        "libonnxruntime.so.1.22.1",
        "linux-x86_64",
    ),
    "windows": (
        "onnxruntime-1.22.1-cp311-cp311-win_amd64.whl",
        f"{FILES}/a8/01/e536397b03e4462d3260aee5387e6f606c8fa9d2b20b1728f988c3c72891",
        "f28a42bb322b4ca6d255531bb334a2b3e21f172e37c1741bd5e66bc4b7b61f03",
        "onnxruntime.dll",
        "windows-x86_64",
    ),
    "macos": (
        "onnxruntime-1.22.1-cp311-cp311-macosx_13_0_universal2.whl",
        f"{FILES}/82/ff/4a1a6747e039ef29a8d4ee4510060e9a805982b6da906a3da2306b7a3be6",
        "f4581bccb786da68725d8eac7c63a8f31a89116b8761ff8b4989dc58b61d49a0",
        "libonnxruntime.1.22.1.dylib",
        "macos-universal",
    ),
}
MODELS_NOTICE = """PP-OCRv4 Chinese text detection (ch_PP-OCRv4_det_infer), text recognition
(ch_PP-OCRv4_rec_infer) and ch_ppocr_mobile_v2.0 direction classification models.

Trained and published by PaddlePaddle, https://github.com/PaddlePaddle/PaddleOCR
(Apache License 2.0); converted to ONNX by RapidAI, https://github.com/RapidAI/RapidOCR
(Apache License 2.0). Taken unmodified from the PyPI wheel {wheel}
(sha256 {sha}); the wheel carries no licence file, its metadata declares Apache-2.0.

"""


def die(msg):
    print(f"ocr-resources: {msg}", file=sys.stderr)
    sys.exit(1)


def this_platform():
    system = platform.system()
    machine = platform.machine().lower()
    if system == "Linux" and machine in ("x86_64", "amd64"):
        return "linux"
    if system == "Windows":
        return "windows"
    if system == "Darwin":
        return "macos"
    die(f"no pinned ONNX Runtime for {system} {machine}; use --all or name a platform")


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def fetch(cache, wheel, folder, want):
    """The wheel from the cache if its hash matches, else downloaded (and then checked)."""
    path = os.path.join(cache, wheel)
    if os.path.exists(path) and sha256(path) == want:
        return path
    url = f"{folder}/{wheel}"
    print(f"== downloading {wheel}", flush=True)
    fd, part = tempfile.mkstemp(dir=cache, suffix=".part")
    try:
        with os.fdopen(fd, "wb") as out, urllib.request.urlopen(url, timeout=120) as resp:
            shutil.copyfileobj(resp, out)
        got = sha256(part)
        if got != want:
            die(f"{wheel}: SHA-256 {got} is not the pinned {want}; refusing it")
        os.replace(part, path)
    finally:
        if os.path.exists(part):
            os.remove(part)
    return path


def extract(zf, member, dest):
    """Writes one wheel member to dest atomically (a half-written model must never be loaded)."""
    tmp = dest + ".part"
    with zf.open(member) as src, open(tmp, "wb") as out:
        shutil.copyfileobj(src, out)
    os.replace(tmp, dest)


def up_to_date(dest, stamp_path, sha):
    try:
        with open(stamp_path) as f:
            return f.read().strip() == sha and all(os.path.exists(d) for d in dest)
    except OSError:
        return False


def main(argv):
    out = os.path.join("src-tauri", "resources", "ocr")
    wanted = []
    args = list(argv)
    while args:
        a = args.pop(0)
        if a == "--all":
            wanted += ["linux", "windows", "macos"]
        elif a == "--out":
            if not args:
                die("--out needs a folder")
            out = args.pop(0)
        elif a in RUNTIME_WHEELS:
            wanted.append(a)
        elif a in ("-h", "--help"):
            print("usage: scripts/ocr-resources.sh [--all | linux | windows | macos ...] [--out DIR]")
            return
        else:
            die(f"unknown argument {a!r}")
    wanted = sorted(set(wanted or [this_platform()]))
    cache = os.environ.get("LOANDESK_OCR_CACHE") or os.path.join(
        os.path.expanduser("~"), ".cache", "loandesk-ocr")
    os.makedirs(cache, exist_ok=True)
    apache = os.path.join("scripts", "ocr", "LICENSE-Apache-2.0.txt")

    wheel, folder, sha = MODELS_WHEEL
    models_dir = os.path.join(out, "models")
    os.makedirs(models_dir, exist_ok=True)
    dests = [os.path.join(models_dir, m) for m in MODELS]
    stamp = os.path.join(models_dir, ".wheel-sha256")
    if not up_to_date(dests, stamp, sha):
        with zipfile.ZipFile(fetch(cache, wheel, folder, sha)) as zf:
            for name, dest in zip(MODELS, dests):
                extract(zf, f"rapidocr_onnxruntime/models/{name}", dest)
        with open(os.path.join(models_dir, "LICENSE.txt"), "w", encoding="utf-8") as f:
            f.write(MODELS_NOTICE.format(wheel=wheel, sha=sha))
            with open(apache, encoding="utf-8") as a:
                f.write(a.read())
        with open(stamp, "w") as f:
            f.write(sha + "\n")
    print(f"== OCR models in {models_dir}")

    for plat in wanted:
        wheel, folder, sha, lib, sub = RUNTIME_WHEELS[plat]
        rt = os.path.join(out, "runtime", sub)
        os.makedirs(rt, exist_ok=True)
        stamp = os.path.join(rt, ".wheel-sha256")
        if not up_to_date([os.path.join(rt, lib), os.path.join(rt, "LICENSE")], stamp, sha):
            with zipfile.ZipFile(fetch(cache, wheel, folder, sha)) as zf:
                names = set(zf.namelist())
                extract(zf, f"onnxruntime/capi/{lib}", os.path.join(rt, lib))
                for notice in ("LICENSE", "ThirdPartyNotices.txt"):
                    if f"onnxruntime/{notice}" in names:
                        extract(zf, f"onnxruntime/{notice}", os.path.join(rt, notice))
            with open(stamp, "w") as f:
                f.write(sha + "\n")
        print(f"== ONNX Runtime 1.22.1 for {plat} in {rt}")


main(sys.argv[1:])
PY
