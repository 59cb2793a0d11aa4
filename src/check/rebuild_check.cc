// R4, fact sheet 1.1 and 3.1: a restoration rebuilds what it lost the way the product needs.
// - A tool that needs a parameter when it restores onto new hardware gets it: Response Group
//   configuration imported into a rebuilt pool needs -OverwriteOwner, or the import fails on the
//   contact objects that still exist in Active Directory (PG2225; the profile's
//   rebuilt-requires="...").
// - What the profile says a restoration must never do is not done (PG2229; the profile's
//   <never>): deleting the failed server's computer account is the example.
// - A rebuilt server keeps the failed server's FQDN: a step that names, in the same DNS domain, a
//   server the plan does not know whose name is one or two letters from a covered server's is
//   building a different server (PG2230).
// - A scenario that rebuilds a server of a role the profile marks (rebuild-needs-step="...") has a
//   step of that kind: an Edge server cannot read the Central Management store, so its setup
//   imports a file that Export-CsConfiguration makes on the internal side (PG2231). A step is of
//   a kind when its words hold every word of one of the kind's phrases.
#include <cctype>
#include <set>

#include "check/check_context.h"
#include "check/plan_index.h"
#include "check/scenario_texts.h"
#include "check/tool_mentions.h"
#include "diag/diagnostic.h"
#include "util/edit_distance.h"
#include "util/strings.h"

namespace plangen {

namespace {

using Words = std::vector<std::string>;

Words WordsOf(const std::string& text) {
  Words out;
  std::string w;
  for (char c : text + " ") {
    unsigned char u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || c == '-' || u >= 0x80) {
      w.push_back(static_cast<char>(std::tolower(u)));
    } else if (!w.empty()) {
      out.push_back(w);
      w.clear();
    }
  }
  return out;
}

// The sentences of a text: split at '.', ';', ':' and line breaks followed by a space or the end
// (so that FQDNs and file names stay whole).
std::vector<std::string> Sentences(const std::string& text) {
  std::vector<std::string> out(1);
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    bool end = c == '\n' || ((c == '.' || c == ';' || c == ':') && (i + 1 == text.size() || text[i + 1] == ' '));
    if (end) {
      out.emplace_back();
    } else {
      out.back() += c;
    }
  }
  return out;
}

// Whether `sentence` does what `phrase` says: every word of the phrase begins a word of the
// sentence, and the sentence does not say it is not done.
bool Says(const Words& sentence, const Words& phrase) {
  for (const std::string& w : sentence) {
    if (w == "not" || w == "never" || w == "don't" || w == "do-not" || w == "without") return false;
  }
  for (const std::string& p : phrase) {
    bool found = false;
    for (const std::string& w : sentence) found = found || w.compare(0, p.size(), p) == 0;
    if (!found) return false;
  }
  return !phrase.empty();
}

// Host names written in a text: words of letters, digits and '-' joined by dots, whose last
// label is letters only.
std::vector<std::string> HostNames(const std::string& text) {
  std::vector<std::string> out;
  std::string w;
  auto flush = [&] {
    while (!w.empty() && (w.back() == '.' || w.back() == '-')) w.pop_back();
    size_t dot = w.rfind('.');
    if (dot != std::string::npos && dot + 2 < w.size() + 0) {
      bool alpha = true;
      for (size_t i = dot + 1; i < w.size(); ++i) alpha = alpha && std::isalpha(static_cast<unsigned char>(w[i]));
      if (alpha && w.size() - dot - 1 >= 2) out.push_back(AsciiLower(w));
    }
    w.clear();
  };
  for (char c : text) {
    if (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '.') {
      w += c;
    } else {
      flush();
    }
  }
  flush();
  return out;
}

std::string FirstLabel(const std::string& fqdn) { return fqdn.substr(0, fqdn.find('.')); }
std::string Parent(const std::string& fqdn) {
  size_t dot = fqdn.find('.');
  return dot == std::string::npos ? "" : fqdn.substr(dot + 1);
}

}  // namespace

void CheckRebuilds(const CheckContext& ctx, DiagEngine& diags) {
  const Plan& plan = ctx.plan;
  const Topology& topo = plan.topology;
  const check::PlanIndex& pi = ctx.Index();
  check::ProfileIndex prof(ctx.profile);
  std::set<std::pair<const std::string*, std::string>> reported;
  auto once = [&](const std::string* text, const std::string& what) { return reported.insert({text, what}).second; };

  // Every host name the plan knows: servers, pools, locations.
  std::set<std::string> known;
  for (const Server& s : topo.servers) known.insert(AsciiLower(s.fqdn.value));
  for (const Pool& p : topo.pools) known.insert(AsciiLower(p.fqdn.value));
  for (const Location& l : plan.locations) known.insert(AsciiLower(l.host.value));
  std::vector<std::pair<std::vector<Words>, const NeverAction*>> never;
  for (const NeverAction& a : ctx.profile.never) {
    never.push_back({{}, &a});
    for (const Text& m : a.matches) never.back().first.push_back(WordsOf(m.value));
  }

  for (const Scenario& sc : plan.scenarios) {
    const std::vector<check::ScenarioText> texts = check::TextsOf(pi, ctx.profile, sc);
    const check::Coverage cov = check::CoverageOf(pi, sc);
    const bool rebuilds = sc.new_hardware.get();
    for (const check::ScenarioText& t : texts) {
      // PG2225
      if (rebuilds) {
        for (const check::ToolCall& c : check::ToolCalls(ctx.profile, *t.text)) {
          for (const Text& need : c.tool->rebuilt_requires) {
            if (c.Find(need.value) || !once(t.text, c.tool->id.value + "-" + need.value)) continue;
            diags.Report(DiagId::err_rebuild_parameter_missing, t.loc, {t.who, c.tool->id.value, need.value, sc.id.value})
                .AddNote(c.tool->loc, c.tool->id.value + " needs -" + need.value + " when it restores onto new hardware");
          }
        }
      }
      // PG2229
      for (const std::string& sentence : Sentences(*t.text)) {
        const Words words = WordsOf(sentence);
        for (const auto& [phrases, action] : never) {
          bool does = false;
          for (const Words& p : phrases) does = does || Says(words, p);
          if (does && once(t.text, action->id.value)) {
            diags.Report(DiagId::err_never_action, t.loc, {t.who, action->id.value, action->why.value}).AddNote(action->loc, "the profile's rule");
          }
        }
      }
      // PG2230
      if (rebuilds) {
        for (const std::string& host : HostNames(*t.text)) {
          if (known.count(host)) continue;
          for (int s : cov.servers) {
            const std::string fqdn = AsciiLower(topo.servers[s].fqdn.value);
            if (Parent(fqdn).empty() || Parent(host) != Parent(fqdn)) continue;
            if (EditDistance(FirstLabel(host), FirstLabel(fqdn)) > 2 || !once(t.text, host)) continue;
            diags.Report(DiagId::warn_rebuilt_under_other_name, t.loc, {t.who, host, sc.id.value, topo.servers[s].fqdn.value})
                .AddNote(topo.servers[s].fqdn.loc, "the server the scenario rebuilds");
            break;
          }
        }
      }
    }
    // PG2231
    if (!rebuilds) continue;
    std::set<std::string> done;
    for (int s : cov.servers) {
      for (const Text& r : topo.servers[s].roles) {
        const RoleMapping* m = prof.role(r.value);
        if (!m || m->rebuild_needs_step.empty() || done.count(m->rebuild_needs_step.value)) continue;
        const ProfileStepKind* kind = nullptr;
        for (const ProfileStepKind& k : ctx.profile.step_kinds) {
          if (k.id.value == m->rebuild_needs_step.value) kind = &k;
        }
        if (!kind) continue;
        bool has = false;
        for (const check::ScenarioText& t : texts) {
          const Words words = WordsOf(*t.text);
          const std::set<std::string> have(words.begin(), words.end());
          for (const Text& phrase : kind->matches) {
            const Words need = WordsOf(phrase.value);
            bool all = !need.empty();
            for (const std::string& w : need) all = all && have.count(w);
            has = has || all;
          }
        }
        if (has) continue;
        done.insert(m->rebuild_needs_step.value);
        diags.Report(DiagId::err_rebuild_step_missing, sc.loc, {sc.id.value, topo.servers[s].fqdn.value, r.value, kind->id.value})
            .AddNote(m->loc, "the profile's '" + r.value + "' role needs a step of kind '" + kind->id.value + "' when a server is rebuilt")
            .AddNote(kind->loc, "a step of kind '" + kind->id.value + "' says one of these phrases");
      }
    }
  }
}

}  // namespace plangen
