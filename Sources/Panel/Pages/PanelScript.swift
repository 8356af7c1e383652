/// The panel's one script, served as /panel.js (the Content-Security-Policy
/// allows scripts from the panel only): the progress of running modules,
/// live, and one reload of the page when they have finished.
enum PanelScript {
    static let text = """
        "use strict";
        (function () {
          let wasRunning = document.querySelector("[data-running='true']") !== null;
          async function poll() {
            try {
              const answer = await fetch("/api/progress", { cache: "no-store" });
              const running = (await answer.json()).modules;
              let any = false;
              for (const row of document.querySelectorAll("#modules tbody tr")) {
                const cell = row.querySelector(".progress");
                const progress = running[row.dataset.module];
                if (!cell) continue;
                if (progress) {
                  any = true;
                  cell.textContent = progress.total > 0 ? progress.done + "/" + progress.total : "…";
                } else {
                  cell.textContent = "";
                }
              }
              if (wasRunning && !any) { location.reload(); return; }
              wasRunning = wasRunning || any;
            } catch (error) {
              // The panel stopped or restarts: try again at the next tick.
            }
            setTimeout(poll, 1000);
          }
          poll();
        })();
        """
}
