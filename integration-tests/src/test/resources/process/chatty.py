"""Reads its whole stdin, then writes argv[1] bytes to stdout and as many to stderr, interleaved
in 64 KiB blocks (a parent that reads only stdout would deadlock on the full stderr pipe); each
stream's bytes are its name's first letter followed by the stdin size's digits, repeated."""
import sys

data = sys.stdin.buffer.read()
total = int(sys.argv[1])
block = 64 * 1024
written = 0
pattern_out = (b"o" + str(len(data)).encode()) * block
pattern_err = (b"e" + str(len(data)).encode()) * block
while written < total:
    n = min(block, total - written)
    sys.stdout.buffer.write(pattern_out[:n])
    sys.stdout.buffer.flush()
    sys.stderr.buffer.write(pattern_err[:n])
    sys.stderr.buffer.flush()
    written += n
