import java.io.File;
import java.lang.management.ManagementFactory;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.ServiceLoader;
import javax.annotation.processing.Processor;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * The compile-time benchmark in one long-lived JVM, as a build tool's daemon compiles: javac (and
 * the processors, loaded once) are already compiled by the JIT, so what is left is the work itself.
 * Alternates plain javac, javac with the processor and, given its classes, javac with
 * {@code CompileFloorProcessor}; after the warm-up rounds, prints the median process CPU (all
 * threads) and wall time of each, their ratios, and what the processor adds to plain javac (the
 * median of each round's difference, the figure for a small file, where the two are close).
 *
 * <p>Usage (from compile-bench.sh): {@code java -cp PROCESSOR_JAR CompileBenchWarm.java CLASSPATH
 * OUT_DIR SOURCE WARMUP RUNS [FLOOR_PROCESSOR_CLASSES]}
 */
public final class CompileBenchWarm {
    public static void main(String[] args) throws Exception {
        String classpath = args[0];
        File out = new File(args[1]);
        File source = new File(args[2]);
        int warmup = Integer.parseInt(args[3]);
        int runs = Integer.parseInt(args[4]);
        // the classes are loaded once; an instance serves one compilation, so each gets a fresh one
        Class<? extends Processor> processor = ServiceLoader.load(Processor.class).findFirst().orElseThrow().getClass();
        Class<? extends Processor> floor = args.length > 5
                ? new URLClassLoader(new URL[] {new File(args[5]).toURI().toURL()}, CompileBenchWarm.class.getClassLoader())
                        .loadClass("CompileFloorProcessor").asSubclass(Processor.class)
                : null;
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<double[]> plain = new ArrayList<>();
        List<double[]> jcoro = new ArrayList<>();
        List<double[]> floors = new ArrayList<>();
        List<double[]> added = new ArrayList<>();
        for (int i = 0; i < warmup + runs; i++) {
            double[] p = compile(javac, classpath, out, source, null);
            double[] j = compile(javac, classpath, out, source, processor.getConstructor().newInstance());
            double[] f = floor == null ? null : compile(javac, classpath, out, source, floor.getConstructor().newInstance());
            if (i >= warmup) {
                plain.add(p);
                jcoro.add(j);
                if (f != null) {
                    floors.add(f);
                }
                added.add(new double[] {j[0] - p[0], j[1] - p[1]});
            }
        }
        System.out.printf("  plain javac (-proc:none):   %.2f s CPU, %.2f s wall%n", median(plain, 0), median(plain, 1));
        System.out.printf("  javac + jcoro processor:    %.2f s CPU, %.2f s wall%n", median(jcoro, 0), median(jcoro, 1));
        if (floor != null) {
            System.out.printf("  javac + floor processor:    %.2f s CPU, %.2f s wall%n", median(floors, 0), median(floors, 1));
        }
        System.out.printf("  ratio jcoro / plain:        %.2f CPU, %.2f wall%n",
                median(jcoro, 0) / median(plain, 0), median(jcoro, 1) / median(plain, 1));
        if (floor != null) {
            System.out.printf("  ratio floor / plain:        %.2f CPU, %.2f wall%n",
                    median(floors, 0) / median(plain, 0), median(floors, 1) / median(plain, 1));
            System.out.printf("  ratio jcoro / floor:        %.2f CPU, %.2f wall%n",
                    median(jcoro, 0) / median(floors, 0), median(jcoro, 1) / median(floors, 1));
        }
        System.out.printf("  added by jcoro:             %.3f s CPU, %.3f s wall (median of each round's difference)%n",
                median(added, 0), median(added, 1));
    }

    /** One compilation; {@code processor} null for -proc:none. Returns {CPU seconds, wall seconds}. */
    private static double[] compile(JavaCompiler javac, String classpath, File out, File source, Processor processor)
            throws Exception {
        File classes = new File(out, "classes");
        File generated = new File(out, "generated");
        delete(out);
        classes.mkdirs();
        generated.mkdirs();
        List<String> options = new ArrayList<>(List.of("-cp", classpath, "-d", classes.getPath(), "-s", generated.getPath()));
        if (processor == null) {
            options.add("-proc:none");
        }
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        System.gc(); // the previous compilation's garbage is not charged to this one
        long cpu = os.getProcessCpuTime();
        long wall = System.nanoTime();
        try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, null)) {
            JavaCompiler.CompilationTask task = javac.getTask(null, files, null, options, null,
                    files.getJavaFileObjects(source));
            if (processor != null) {
                task.setProcessors(List.of(processor));
            }
            if (!task.call()) {
                throw new IllegalStateException("compilation failed");
            }
        }
        return new double[] {(os.getProcessCpuTime() - cpu) / 1e9, (System.nanoTime() - wall) / 1e9};
    }

    private static double median(List<double[]> samples, int column) {
        double[] values = samples.stream().mapToDouble(s -> s[column]).sorted().toArray();
        return values[(values.length - 1) / 2];
    }

    private static void delete(File file) {
        File[] children = file.listFiles();
        if (children != null) {
            Arrays.stream(children).forEach(CompileBenchWarm::delete);
        }
        file.delete();
    }
}
