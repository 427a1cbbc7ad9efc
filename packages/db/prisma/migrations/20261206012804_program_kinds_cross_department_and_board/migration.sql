-- Two more program kinds: a cross-department communication program and a junior board (주니어보드).
ALTER TYPE "program_kind" ADD VALUE 'cross_department';
ALTER TYPE "program_kind" ADD VALUE 'board';
