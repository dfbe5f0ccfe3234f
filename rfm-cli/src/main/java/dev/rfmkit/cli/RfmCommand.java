package dev.rfmkit.cli;

import dev.rfmkit.order.OrderDataException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code rfm} command and its entry point. */
@Command(name = "rfm", mixinStandardHelpOptions = true, versionProvider = RfmCommand.Version.class,
        description = "Exact RFM customer segmentation from an orders export.")
public final class RfmCommand implements Runnable {
    /** The subcommands, in the order the usage lists them. */
    private static final List<Class<?>> SUBCOMMANDS = List.of(SegmentCommand.class, FitCommand.class,
            ReportCommand.class, MigrateCommand.class, DemoCommand.class, ClvCommand.class, SchemesCommand.class);

    /** Exit code: success. */
    static final int OK = 0;
    /** Exit code: bad input data. */
    static final int BAD_DATA = 1;
    /** Exit code: bad usage. */
    static final int BAD_USAGE = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required, such as 'rfm segment'");
    }

    /**
     * Runs {@code rfm} and exits with its exit code.
     *
     * @param args the command-line arguments
     */
    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /**
     * Runs {@code rfm} without exiting.
     *
     * @param args the command-line arguments
     * @return the exit code: 0 success, 1 bad input data, 2 bad usage
     */
    static int execute(String... args) {
        boolean debug = Arrays.asList(args).contains("--debug");
        CommandLine cl = new CommandLine(new RfmCommand());
        // Building a command's model from its annotations takes a good part of a short run: when the first
        // argument names a command, only that command is built.
        Class<?> named = args.length == 0 ? null : SUBCOMMANDS.stream()
                .filter(c -> c.getAnnotation(Command.class).name().equals(args[0])).findFirst().orElse(null);
        for (Class<?> subcommand : named == null ? SUBCOMMANDS : List.of(named)) {
            cl.addSubcommand(subcommand);
        }
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler((ex, params) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("rfm: " + ex.getMessage());
            err.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help' for more information.");
            return BAD_USAGE;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            if (debug) {
                ex.printStackTrace(err);
            }
            int code = exitCode(ex);
            err.println("rfm: " + message(ex));
            if (code == BAD_DATA && !debug && !(ex instanceof OrderDataException) && !(ex instanceof DataException)) {
                err.println("rfm: run with --debug for details");
            }
            return code;
        });
        return cl.execute(args);
    }

    private static int exitCode(Exception ex) {
        if (ex instanceof UsageException || ex instanceof NoSuchFileException
                || ex.getCause() instanceof NoSuchFileException) {
            return BAD_USAGE;
        }
        return BAD_DATA;
    }

    private static String message(Exception ex) {
        Throwable t = ex instanceof UncheckedIOException && ex.getCause() != null ? ex.getCause() : ex;
        if (t instanceof NoSuchFileException nsf) {
            return "no such file: " + nsf.getFile();
        }
        if (t instanceof IOException io) {
            return "cannot read input: " + io.getMessage();
        }
        String m = t.getMessage();
        return m == null ? t.getClass().getSimpleName() : m;
    }

    /** The version from the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = RfmCommand.class.getPackage().getImplementationVersion();
            return new String[] {"rfm " + (v == null ? "(development build)" : v)};
        }
    }
}
