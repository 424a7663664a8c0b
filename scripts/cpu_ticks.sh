# Sourced by the benchmark scripts, to tell whether a measurement ran on a quiet machine.
#
# cpu_ticks PID: "<busy> <steal> <reaped>" so far, in clock ticks (`getconf CLK_TCK` of them a second): the
# busy ticks of all CPUs (/proc/stat: user, nice, system, irq, softirq), the ticks the hypervisor
# took from them (steal), and the CPU of PID's children that PID has reaped (cutime + cstime).
# Between two readings, busy less reaped is what the rest of the machine used meanwhile, if every
# process of the measurement was PID's child, or its children's, and was reaped in between.
cpu_ticks() {
    local cpu user nice system idle iowait irq softirq steal fields
    read -r cpu user nice system idle iowait irq softirq steal _ < /proc/stat
    read -r fields < "/proc/$1/stat"
    fields=(${fields##*) })   # after "(comm) ": field 3 onwards, so cutime and cstime are 13 and 14
    echo "$((user + nice + system + irq + softirq)) $steal $((fields[13] + fields[14]))"
}
