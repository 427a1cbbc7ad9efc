-- AlterTable
ALTER TABLE "staff_members" ADD COLUMN     "supervisor_staff_id" UUID;

-- CreateIndex
CREATE INDEX "staff_members_tenant_id_supervisor_staff_id_idx" ON "staff_members"("tenant_id", "supervisor_staff_id");

-- AddForeignKey
ALTER TABLE "staff_members" ADD CONSTRAINT "staff_members_tenant_id_supervisor_staff_id_fkey" FOREIGN KEY ("tenant_id", "supervisor_staff_id") REFERENCES "staff_members"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;
