// EpubcheckBatch — EPUBCheck's own command line run once per request, in one JVM.
//
// The test suite validates a few dozen EPUBs; started once per EPUB, EPUBCheck spends ~10 s of
// CPU loading classes and compiling its schemas before it reads the first byte. Here it pays
// that once. Protocol, one request per line on stdin: EPUBCheck's arguments separated by TABs
// (e.g. "book.epub<TAB>--json<TAB>report.json<TAB>-q<TAB>-u"); one answer line per request on
// stdout: "done <exit code>" (-1 when EPUBCheck threw). EPUBCheck's own output goes to stderr.
// Compiled by scripts/install-validators.sh against the installed epubcheck.jar.

import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

public final class EpubcheckBatch {
    private EpubcheckBatch() {}

    public static void main(String[] argv) throws IOException {
        PrintStream answers =
                new PrintStream(new FileOutputStream(FileDescriptor.out), true, "UTF-8");
        System.setOut(System.err);
        BufferedReader requests =
                new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = requests.readLine()) != null) {
            if (line.isEmpty()) {
                continue;
            }
            int code;
            try {
                code = new com.adobe.epubcheck.tool.EpubChecker().run(line.split("\t"));
            } catch (Throwable t) {
                t.printStackTrace();
                code = -1;
            }
            answers.println("done " + code);
        }
    }
}
