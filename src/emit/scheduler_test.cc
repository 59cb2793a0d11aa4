// The emitters' scheduler: heavy parts (a role's runbook view) never run two at once, and the
// other work still runs on the other threads.
#include <atomic>
#include <boost/test/unit_test.hpp>
#include <chrono>
#include <string>
#include <vector>
#include <thread>

#include "emit/emitters.h"
#include "test_paths.h"

namespace plangen {
namespace {

// Counts the parts running now and the most that ever ran at once.
struct Gauge {
  std::atomic<int> now{0}, most{0}, done{0};
  void Enter() {
    const int n = ++now;
    for (int m = most.load(); n > m && !most.compare_exchange_weak(m, n);) {
    }
  }
  void Leave() {
    --now;
    ++done;
  }
};

// An empty plan and what the emitters' context needs around it.
struct EmptyPlan {
  Plan plan;
  Profile profile;
  SourceManager sm;
  DiagEngine diags{sm};
  TemplateSet templates{"", testing::SourceRoot() + "/templates"};
  EmitContext ctx{plan, profile, Date{}, false, templates, diags, sm};
};

}  // namespace

BOOST_AUTO_TEST_SUITE(scheduler)

BOOST_FIXTURE_TEST_CASE(heavy_parts_run_one_at_a_time_beside_the_other_work, EmptyPlan) {
  ctx.jobs = 4;
  Gauge heavy, all;
  auto part = [&](bool is_heavy, int ms) {
    return [&, is_heavy, ms](OutputSet&) {
      if (is_heavy) heavy.Enter();
      all.Enter();
      std::this_thread::sleep_for(std::chrono::milliseconds(ms));
      all.Leave();
      if (is_heavy) heavy.Leave();
      return true;
    };
  };
  std::vector<EmitPart> emitters;
  emitters.push_back([&](OutputSet& o) {
    std::vector<EmitPart> parts;
    for (int i = 0; i < 4; ++i) parts.push_back(part(true, 30));
    return EmitParts(std::move(parts), o, /*heavy=*/true);
  });
  emitters.push_back([&](OutputSet& o) {
    std::vector<EmitPart> parts;
    for (int i = 0; i < 8; ++i) parts.push_back(part(false, 10));
    return EmitParts(std::move(parts), o);
  });
  OutputSet out;
  BOOST_TEST(RunSideBySide(ctx, std::move(emitters), out));
  BOOST_TEST(heavy.done.load() == 4);
  BOOST_TEST(all.done.load() == 12);
  BOOST_TEST(heavy.most.load() == 1);
  BOOST_TEST(all.most.load() >= 2);  // four threads: the light parts did not wait for the heavy ones
}

// Heavy parts run one after the other, so their chain decides when the emitters finish: a thread
// that is free starts the next heavy part before any light one queued ahead of it.
BOOST_FIXTURE_TEST_CASE(a_free_thread_starts_a_heavy_part_before_light_ones_queued_earlier, EmptyPlan) {
  ctx.jobs = 1;  // one thread: the order the parts run in is the order they are picked
  std::vector<std::string> ran;
  auto part = [&](std::string name) {
    return [&ran, name](OutputSet&) {
      ran.push_back(name);
      return true;
    };
  };
  std::vector<EmitPart> emitters;
  emitters.push_back([&](OutputSet& o) {
    std::vector<EmitPart> light;
    light.push_back(part("light 1"));
    light.push_back(part("light 2"));
    EmitParts(std::move(light), o);
    std::vector<EmitPart> heavy;
    heavy.push_back(part("heavy 1"));
    heavy.push_back(part("heavy 2"));
    return EmitParts(std::move(heavy), o, /*heavy=*/true);
  });
  emitters.push_back(part("emitter 2"));
  OutputSet out;
  BOOST_TEST(RunSideBySide(ctx, std::move(emitters), out));
  const std::vector<std::string> want = {"heavy 1", "heavy 2", "emitter 2", "light 1", "light 2"};
  BOOST_TEST(ran == want, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace plangen
