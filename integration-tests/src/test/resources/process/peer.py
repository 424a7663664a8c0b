"""The test's child process: for each line of stdin, writes 'out:<line>' to stdout and
'err:<line>' to stderr; at the end of stdin, exits with the code given as its argument."""
import sys

for line in sys.stdin:
    line = line.rstrip("\n")
    sys.stdout.write("out:" + line + "\n")
    sys.stdout.flush()
    sys.stderr.write("err:" + line + "\n")
    sys.stderr.flush()
sys.exit(int(sys.argv[1]))
