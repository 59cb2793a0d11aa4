// Building Mustache data in place. kainjow's set() and push_back() take a const reference and
// copy the value, nested lists and all; a view built level by level would copy each level again
// for every level above it. These move the value into its place instead.
#pragma once

#include <string>
#include <utility>

#include "tmpl/templates.h"

namespace plangen {

/// object[key] = value, moving the value (kainjow's set() would copy it).
inline void Set(TemplateData& object, const std::string& key, TemplateData&& value) {
  object.set(key, TemplateData(false));
  // get() points into the object's own map, which is never const: the cast only undoes get()'s
  // read-only view of it.
  if (const TemplateData* slot = object.get(key)) *const_cast<TemplateData*>(slot) = std::move(value);
}

/// list.push_back(value), moving the value.
/// A list grows by moving its items: kainjow's move constructor is not noexcept, so a
/// std::vector of them that outgrows its storage copies every item, nested lists and all, where
/// it would move them. Append grows the storage itself, moving each item across.
inline void Append(TemplateData& list, TemplateData&& value) {
  if (!list.is_list()) return;
  // list_value() is the list's own storage, which is never const: the cast only undoes its view.
  auto& items = const_cast<kainjow::mustache::list&>(list.list_value());
  if (items.size() == items.capacity()) {
    kainjow::mustache::list grown;
    grown.reserve(items.empty() ? 4 : 2 * items.size());
    for (TemplateData& item : items) grown.push_back(std::move(item));  // within capacity: a move
    items.swap(grown);
  }
  items.push_back(std::move(value));
}

}  // namespace plangen
