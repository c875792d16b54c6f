// ExportGraph: the transaction graph of an Index as CSV files, for tools that
// run on many machines (GraphSense's Spark transformation, plain Spark,
// Neo4j's bulk importer, BlockSci-style analyses). docs/chain.md "Exporting
// the transaction graph" has the column layout and the GraphSense hand-off.
//
// Files written into `out_dir` (created), one header line each, RFC 4180
// CSV without quoting (no field contains a comma, quote or newline):
//   blocks.csv        height,block_hash,timestamp,no_transactions
//   transactions.csv  tx_id,txid,height,timestamp,coinbase,no_inputs,no_outputs,
//                     total_input,total_output
//   outputs.csv       tx_id,txid,vout,value,address_id,address
//   inputs.csv        tx_id,txid,input_index,spent_txid,spent_vout,value,address_id
//   addresses.csv     address_id,address,address_type,no_outputs
// tx_id and address_id are the index's dense numbers (chain order); values
// are satoshis; hashes are hex in the usual display order; an absent address
// or prevout (coinbase, nulldata, non-standard) is an empty field.
//
// Streams in chain order with fixed buffers: memory does not grow with the
// index. A height range exports the blocks, txs, outputs and inputs of those
// heights only (partitions for Spark); addresses.csv is always complete.
// Thread-compatible (reads a const Index).
#pragma once

#include <cstdint>
#include <string>

#include "chain/index.h"
#include "core/result.h"

namespace extortrace::chain {

struct GraphExportOptions {
  int64_t first_height = 0;
  int64_t last_height = -1;  // -1: up to the tip
};

struct GraphExportStats {
  uint64_t blocks = 0, txs = 0, outputs = 0, inputs = 0, addresses = 0;
  uint64_t bytes = 0;  // all files
};

Status ExportGraph(const Index& index, const std::string& out_dir,
                   const GraphExportOptions& options = {}, GraphExportStats* stats = nullptr);

// "p2pkh" (also P2PK), "p2sh", "p2wpkh", "p2wsh", "p2tr", "witness_unknown", "multisig".
std::string AddressTypeName(const AddressKey& key);

}  // namespace extortrace::chain
