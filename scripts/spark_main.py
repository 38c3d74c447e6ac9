"""What spark-submit starts on a cluster: the `kroniek` command with the arguments after this file
(`spark INPUT… --output DIR`). A file of its own because spark-submit runs a script, and the
package's __main__ imports relatively, which a script cannot."""

from kroniek.cli import main

main()
