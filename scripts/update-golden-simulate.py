#!/usr/bin/env python3
"""Rewrites the expected texts in Tests/BlockadeCLITests/SimulateGoldenTests.swift from the current
debug build (`swift build` first). Run only after checking that the new output is right."""
import re
import subprocess
import sys

path = "Tests/BlockadeCLITests/SimulateGoldenTests.swift"
text = open(path, encoding="utf-8").read()
pattern = re.compile(r'Golden\(arguments: (\[.*?\]),\s*expected: """\n(.*?)\n""" \+ "\\n"\)', re.S)


def refresh(match):
    arguments = eval(match.group(1).replace("\n", " "))  # a Swift array of string literals
    out = subprocess.run([".build/debug/blockade"] + arguments, capture_output=True, text=True, check=True).stdout
    if not out.endswith("\n"):
        sys.exit("unexpected output without a final newline")
    return match.group(0).replace(match.group(2), out[:-1])


open(path, "w", encoding="utf-8").write(pattern.sub(refresh, text))
print("updated", path)
