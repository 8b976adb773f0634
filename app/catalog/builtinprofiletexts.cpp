// Generated from resources/profiles/*.json: every text of the built-in profiles, so that lupdate
// offers them to translators in the "Profile" context. tst_backendprofile fails while this list
// and the profiles differ, and writes the list it expects beside its executable.
#include "catalog/profiletext.h"

#include <QtGlobal>

namespace {
const char *const kTexts[] = {
    QT_TRANSLATE_NOOP("Profile", "ADW"),
    QT_TRANSLATE_NOOP("Profile", "ADW monitor"),
    QT_TRANSLATE_NOOP("Profile", "ADW {adw_id} ({title}) failed in {current_phase}: {last_error}"),
    QT_TRANSLATE_NOOP(
        "Profile",
        "ADW {adw_id} ({title}) has been in {current_phase} at {phase_progress} % for 2 hours"),
    QT_TRANSLATE_NOOP("Profile", "Actual (h)"),
    QT_TRANSLATE_NOOP("Profile", "All systems healthy"),
    QT_TRANSLATE_NOOP("Profile", "Average duration"),
    QT_TRANSLATE_NOOP("Profile", "By status"),
    QT_TRANSLATE_NOOP("Profile", "Checked"),
    QT_TRANSLATE_NOOP("Profile", "Completed"),
    QT_TRANSLATE_NOOP("Profile", "Completion"),
    QT_TRANSLATE_NOOP("Profile", "Completion notes"),
    QT_TRANSLATE_NOOP("Profile", "Content"),
    QT_TRANSLATE_NOOP("Profile", "Cost"),
    QT_TRANSLATE_NOOP("Profile", "Created"),
    QT_TRANSLATE_NOOP("Profile", "Current phase"),
    QT_TRANSLATE_NOOP("Profile", "Degraded — some services report problems"),
    QT_TRANSLATE_NOOP("Profile", "Depends on"),
    QT_TRANSLATE_NOOP("Profile", "Description"),
    QT_TRANSLATE_NOOP("Profile", "Details"),
    QT_TRANSLATE_NOOP("Profile", "Duration"),
    QT_TRANSLATE_NOOP("Profile", "Ended"),
    QT_TRANSLATE_NOOP("Profile", "Error"),
    QT_TRANSLATE_NOOP("Profile", "Error — at least one service is down"),
    QT_TRANSLATE_NOOP("Profile", "Errors"),
    QT_TRANSLATE_NOOP("Profile", "Estimate (h)"),
    QT_TRANSLATE_NOOP("Profile", "Estimated (h)"),
    QT_TRANSLATE_NOOP("Profile", "Estimated cost"),
    QT_TRANSLATE_NOOP("Profile", "Execute phase"),
    QT_TRANSLATE_NOOP("Profile", "Execute phase {phase_number} of feature {feature_id}"),
    QT_TRANSLATE_NOOP("Profile", "Failed"),
    QT_TRANSLATE_NOOP("Profile", "Feature"),
    QT_TRANSLATE_NOOP("Profile", "Health"),
    QT_TRANSLATE_NOOP("Profile", "Healthy"),
    QT_TRANSLATE_NOOP("Profile", "ID"),
    QT_TRANSLATE_NOOP("Profile", "Issue"),
    QT_TRANSLATE_NOOP("Profile", "Last error"),
    QT_TRANSLATE_NOOP("Profile", "Last success"),
    QT_TRANSLATE_NOOP("Profile", "Link"),
    QT_TRANSLATE_NOOP("Profile", "Message"),
    QT_TRANSLATE_NOOP("Profile", "Method"),
    QT_TRANSLATE_NOOP("Profile", "Model"),
    QT_TRANSLATE_NOOP("Profile", "Name"),
    QT_TRANSLATE_NOOP("Profile", "No recent failures"),
    QT_TRANSLATE_NOOP("Profile", "Open workflow state"),
    QT_TRANSLATE_NOOP("Profile", "Overall score"),
    QT_TRANSLATE_NOOP("Profile", "PR"),
    QT_TRANSLATE_NOOP("Profile", "Path"),
    QT_TRANSLATE_NOOP("Profile", "Pause queue"),
    QT_TRANSLATE_NOOP("Profile", "Paused"),
    QT_TRANSLATE_NOOP("Profile", "Phase"),
    QT_TRANSLATE_NOOP("Profile", "Phases"),
    QT_TRANSLATE_NOOP("Profile", "Phases completed"),
    QT_TRANSLATE_NOOP("Profile", "Planned features"),
    QT_TRANSLATE_NOOP("Profile", "Position"),
    QT_TRANSLATE_NOOP("Profile", "Priority"),
    QT_TRANSLATE_NOOP("Profile", "Progress"),
    QT_TRANSLATE_NOOP("Profile", "QC metrics"),
    QT_TRANSLATE_NOOP("Profile", "Queue"),
    QT_TRANSLATE_NOOP("Profile", "Queue ID"),
    QT_TRANSLATE_NOOP("Profile", "Queue paused too long"),
    QT_TRANSLATE_NOOP("Profile", "Queue paused — new phases are not started"),
    QT_TRANSLATE_NOOP("Profile", "Queue phase failed"),
    QT_TRANSLATE_NOOP("Profile", "Ready since"),
    QT_TRANSLATE_NOOP("Profile", "Received"),
    QT_TRANSLATE_NOOP("Profile", "Recommendations"),
    QT_TRANSLATE_NOOP("Profile", "Remove phase"),
    QT_TRANSLATE_NOOP("Profile", "Remove phase {phase_number} of feature {feature_id}"),
    QT_TRANSLATE_NOOP("Profile",
                      "Remove phase {phase_number} of feature {feature_id} from the queue? The "
                      "backend drops it; this cannot be undone once sent."),
    QT_TRANSLATE_NOOP("Profile", "Request"),
    QT_TRANSLATE_NOOP("Profile", "Resume queue"),
    QT_TRANSLATE_NOOP("Profile", "Resume workflow"),
    QT_TRANSLATE_NOOP("Profile", "Resume workflow {adw_id}"),
    QT_TRANSLATE_NOOP("Profile", "Resync history"),
    QT_TRANSLATE_NOOP("Profile", "Routes"),
    QT_TRANSLATE_NOOP("Profile", "Running"),
    QT_TRANSLATE_NOOP("Profile", "Running workflow makes no progress"),
    QT_TRANSLATE_NOOP("Profile", "Runs"),
    QT_TRANSLATE_NOOP("Profile", "Service"),
    QT_TRANSLATE_NOOP("Profile", "Service not healthy"),
    QT_TRANSLATE_NOOP("Profile", "Services"),
    QT_TRANSLATE_NOOP("Profile", "Start webhook service"),
    QT_TRANSLATE_NOOP("Profile", "Started"),
    QT_TRANSLATE_NOOP("Profile", "Status"),
    QT_TRANSLATE_NOOP("Profile", "Success rate"),
    QT_TRANSLATE_NOOP("Profile", "Successful"),
    QT_TRANSLATE_NOOP("Profile", "Summary"),
    QT_TRANSLATE_NOOP("Profile", "System status"),
    QT_TRANSLATE_NOOP("Profile",
                      "System status is {$value}: {/summary/healthy_services} of "
                      "{/summary/total_services} services healthy"),
    QT_TRANSLATE_NOOP("Profile", "System status not healthy"),
    QT_TRANSLATE_NOOP("Profile", "Tags"),
    QT_TRANSLATE_NOOP("Profile", "Template"),
    QT_TRANSLATE_NOOP("Profile", "The queue has been paused for more than 20 minutes"),
    QT_TRANSLATE_NOOP("Profile", "The server has no state for this workflow"),
    QT_TRANSLATE_NOOP("Profile", "The webhook service reports an error: {/message}"),
    QT_TRANSLATE_NOOP("Profile", "Time"),
    QT_TRANSLATE_NOOP("Profile", "Title"),
    QT_TRANSLATE_NOOP("Profile", "Tokens"),
    QT_TRANSLATE_NOOP("Profile", "Total"),
    QT_TRANSLATE_NOOP("Profile", "Total cost"),
    QT_TRANSLATE_NOOP("Profile", "Type"),
    QT_TRANSLATE_NOOP("Profile", "Updated"),
    QT_TRANSLATE_NOOP("Profile", "Uptime"),
    QT_TRANSLATE_NOOP("Profile", "Webhook success rate below 90 %"),
    QT_TRANSLATE_NOOP(
        "Profile",
        "Webhook success rate is {$value} ({/stats/failed} of {/stats/total_received} failed)"),
    QT_TRANSLATE_NOOP("Profile", "Webhooks"),
    QT_TRANSLATE_NOOP("Profile", "Workflow failed"),
    QT_TRANSLATE_NOOP("Profile", "Workflow history"),
    QT_TRANSLATE_NOOP("Profile", "Workflow type"),
    QT_TRANSLATE_NOOP("Profile", "Workflow {adw_id}"),
    QT_TRANSLATE_NOOP("Profile", "Workflows"),
    QT_TRANSLATE_NOOP("Profile", "Worktree"),
    QT_TRANSLATE_NOOP("Profile", "{name} is {status}: {message}"),
    QT_TRANSLATE_NOOP("Profile", "{phase_data.title} failed: {error_message}"),
};
const char *const kCountTexts[] = {
    QT_TRANSLATE_N_NOOP("Profile", "%n feature(s)"),
    QT_TRANSLATE_N_NOOP("Profile", "%n phase(s)"),
    QT_TRANSLATE_N_NOOP("Profile", "%n recent failure(s)"),
    QT_TRANSLATE_N_NOOP("Profile", "%n route(s)"),
    QT_TRANSLATE_N_NOOP("Profile", "%n run(s)"),
    QT_TRANSLATE_N_NOOP("Profile", "%n service(s)"),
    QT_TRANSLATE_N_NOOP("Profile", "%n value(s)"),
    QT_TRANSLATE_N_NOOP("Profile", "%n workflow(s)"),
};
} // namespace

QStringList ProfileText::builtinTexts()
{
    QStringList out;
    for (const char *text : kTexts)
        out.append(QString::fromUtf8(text));
    return out;
}

QStringList ProfileText::builtinCountTexts()
{
    QStringList out;
    for (const char *text : kCountTexts)
        out.append(QString::fromUtf8(text));
    return out;
}
