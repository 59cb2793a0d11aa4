#include "emit/emitters.h"
#include "util/free_memory.h"

#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <thread>

#define EMITTER(name, fn, when) bool fn(const EmitContext&, OutputSet&);
namespace plangen {
#include "emit/emitters.def"
}  // namespace plangen
#undef EMITTER

namespace plangen {

const std::vector<Emitter>& AllEmitters() {
  static const std::vector<Emitter> emitters = {
#define EMITTER(name, fn, when) {name, &fn, EmitWhen::when},
#include "emit/emitters.def"
#undef EMITTER
  };
  return emitters;
}

namespace {

// Runs emitters and their parts on a few threads. Each task writes its own OutputSet and keeps
// its findings in a capture; Gather then joins them in task order (an emitter, then its parts),
// which is the order one thread runs them in, so nothing depends on which thread ran what.
class Scheduler {
 public:
  // Tasks write their outputs through to `staged` when it is set (OutputSet::WriteThrough).
  Scheduler(const EmitContext& ctx, audit::StagedOutput* staged) : ctx_(ctx), staged_(staged) {}

  // Queues a task; `parent` is the task whose parts it is, or kNone. No two `heavy` tasks run at
  // once.
  void Add(EmitPart run, size_t parent, bool heavy = false) {
    std::lock_guard<std::mutex> lock(mutex_);
    tasks_.push_back(Task{std::move(run), {}, {}, {}, true, heavy});
    const size_t id = tasks_.size() - 1;
    tasks_[id].out.WriteThrough(staged_);
    if (parent == kNone) {
      roots_.push_back(id);
    } else {
      tasks_[parent].children.push_back(id);
    }
    ready_.push_back(id);
    wake_.notify_one();
  }

  // Runs every task, including those queued meanwhile, on the calling thread and jobs - 1 more.
  void Run(unsigned jobs) {
    std::vector<std::thread> threads;
    for (unsigned i = 1; i < jobs; ++i) threads.emplace_back([this] { Work(); });
    Work();
    for (std::thread& t : threads) t.join();
    if (error_) std::rethrow_exception(error_);
  }

  // Joins the tasks' outputs into `out` and replays their findings, in task order.
  bool Gather(OutputSet& out) {
    bool ok = true;
    for (size_t id : roots_) ok = Gather(id, out) && ok;
    return ok;
  }

  static constexpr size_t kNone = static_cast<size_t>(-1);
  // The scheduler and task running on this thread, for EmitParts.
  struct Current {
    Scheduler* scheduler = nullptr;
    size_t task = kNone;
  };
  static thread_local Current current;

 private:
  struct Task {
    EmitPart run;
    std::vector<size_t> children;
    OutputSet out;
    CapturedFindings found;
    bool ok;
    bool heavy;
  };

  // The queued task to start now: the first heavy one when none runs (heavy tasks run one after
  // the other, so their chain is the longest and starts first), else the first light one.
  std::deque<size_t>::iterator Startable() {
    auto first_light = ready_.end();
    for (auto it = ready_.begin(); it != ready_.end(); ++it) {
      if (!tasks_[*it].heavy) {
        if (first_light == ready_.end()) first_light = it;
      } else if (!heavy_running_) {
        return it;
      }
    }
    return first_light;
  }

  void Work() {
    for (;;) {
      Task* task = nullptr;
      size_t id = kNone;
      {
        std::unique_lock<std::mutex> lock(mutex_);
        wake_.wait(lock, [&] { return Startable() != ready_.end() || running_ == 0 || error_; });
        auto next = Startable();
        if (next == ready_.end() || error_) {
          wake_.notify_all();
          return;
        }
        id = *next;
        ready_.erase(next);
        task = &tasks_[id];  // a deque's elements stay where they are as it grows
        ++running_;
        heavy_running_ = heavy_running_ || task->heavy;
      }
      Execute(*task, id);
      // A heavy part's view was freed into this thread's arena: give it back, or the part that
      // runs next on the other thread cannot use it and adds its own.
      if (task->heavy) ReturnFreeMemory();
      std::lock_guard<std::mutex> lock(mutex_);
      --running_;
      if (task->heavy) {
        heavy_running_ = false;
        wake_.notify_all();
      }
      if (running_ == 0) wake_.notify_all();
    }
  }

  void Execute(Task& task, size_t id) {
    current = Current{this, id};
    ctx_.diags.Capture(&task.found);
    try {
      task.ok = task.run(task.out);
    } catch (...) {
      std::lock_guard<std::mutex> lock(mutex_);
      if (!error_) error_ = std::current_exception();
    }
    ctx_.diags.Capture(nullptr);
    current = Current{};
  }

  bool Gather(size_t id, OutputSet& out) {
    Task& task = tasks_[id];
    ctx_.diags.Replay(std::move(task.found), ctx_.sources);
    out.Merge(std::move(task.out));
    bool ok = task.ok;
    for (size_t child : task.children) ok = Gather(child, out) && ok;
    return ok;
  }

  const EmitContext& ctx_;
  audit::StagedOutput* staged_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<Task> tasks_;
  std::vector<size_t> roots_;
  std::deque<size_t> ready_;
  size_t running_ = 0;
  bool heavy_running_ = false;
  std::exception_ptr error_;
};

thread_local Scheduler::Current Scheduler::current;

}  // namespace

bool AddRendered(const EmitContext& ctx, const std::string& path, const std::string& template_name,
                 const TemplateData& view, OutputSet& out) {
  return out.AddStreamed(path, [&](const audit::StagedOutput::Writer& write) {
    return ctx.templates.RenderTo(template_name, view, [&write](const std::string& s) { write(s); }, ctx.diags,
                                  ctx.sources);
  });
}

bool EmitParts(std::vector<EmitPart> parts, OutputSet& out, bool heavy) {
  const Scheduler::Current here = Scheduler::current;
  if (here.scheduler == nullptr) {
    bool ok = true;
    for (EmitPart& part : parts) ok = part(out) && ok;
    return ok;
  }
  for (EmitPart& part : parts) here.scheduler->Add(std::move(part), here.task, heavy);
  return true;
}

bool RunSideBySide(const EmitContext& ctx, std::vector<EmitPart> parts, OutputSet& out) {
  Scheduler scheduler(ctx, out.staged());
  for (EmitPart& part : parts) scheduler.Add(std::move(part), Scheduler::kNone);
  scheduler.Run(ctx.jobs == 0 ? 1 : ctx.jobs);
  return scheduler.Gather(out);
}

bool RunEmitters(const EmitContext& ctx, OutputSet& out) {
  // What the threads share is only read from now on: lookups and line tables are built first.
  ctx.plan.BuildIndexes();
  ctx.sources.IndexLines();
  // What the check freed (the XML tree, the passes' tables) lies in this thread's heap, where the
  // other threads cannot reuse it.
  ReturnFreeMemory();
  Scheduler scheduler(ctx, out.staged());
  for (const Emitter& e : AllEmitters()) {
    if (e.when != EmitWhen::kWithOthers) continue;
    scheduler.Add([&ctx, run = e.run](OutputSet& o) { return run(ctx, o); }, Scheduler::kNone);
  }
  scheduler.Run(ctx.jobs == 0 ? 1 : ctx.jobs);
  // What the threads freed stays in their arenas; the stages after run on this thread.
  ReturnFreeMemory();
  bool ok = scheduler.Gather(out);
  for (const Emitter& e : AllEmitters()) {
    if (e.when == EmitWhen::kAfterOthers) ok = e.run(ctx, out) && ok;
  }
  return ok;
}

}  // namespace plangen
