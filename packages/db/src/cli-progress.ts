/**
 * A progress bar for command-line work: redrawn in place on a terminal, one line per tenth in a log.
 * Returns a function to call with the number of items done.
 */
export function cliProgress(label: string, total: number, out: NodeJS.WriteStream = process.stdout) {
  let lastTenth = -1;
  return (done: number) => {
    const tenth = Math.floor((done / total) * 10);
    if (!out.isTTY && tenth === lastTenth && done !== total) return;
    lastTenth = tenth;
    const bar = "█".repeat(Math.round((done / total) * 20)).padEnd(20, "░");
    out.write(
      `${out.isTTY ? "\r" : ""}${label} ${bar} ${done}/${total}${out.isTTY && done < total ? "" : "\n"}`,
    );
  };
}
