package dev.dialkit.campaign.internal.csv;

import dev.dialkit.campaign.Lead;
import java.util.ArrayList;
import java.util.List;

/** Leads ready to store, with the line and raw fields of each (to report the ones turned away). */
final class Batch {
  final List<Lead> leads;
  final List<String[]> fields;
  final long[] lines;

  Batch(int capacity) {
    leads = new ArrayList<>(capacity);
    fields = new ArrayList<>(capacity);
    lines = new long[capacity];
  }

  void add(Lead lead, long line, String[] row) {
    lines[leads.size()] = line;
    leads.add(lead);
    fields.add(row);
  }

  int size() {
    return leads.size();
  }

  boolean full() {
    return leads.size() == lines.length;
  }
}
